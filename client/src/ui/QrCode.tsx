import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/** A QR code drawn in the browser as SVG; nothing is fetched from anywhere. */
export function QrCode({ text, label, small }: { text: string; label: string; small?: boolean }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    QRCode.toString(text, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#000', light: '#fff' },
    })
      .then((markup) => live && setSvg(markup))
      .catch(() => live && setSvg(null))
    return () => {
      live = false
    }
  }, [text])
  return (
    <div
      className={small ? 'qr qr-small' : 'qr'}
      role="img"
      aria-label={label}
      // The markup is produced locally by the qrcode package from our own URL.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, locally generated SVG
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  )
}

const WIFI_SPECIALS = /[\\;,:"]/g

/** The text of a Wi-Fi QR code (the MECARD-like format phones understand), with its special characters escaped. */
export function wifiQrText(ssid: string, password: string): string {
  const escaped = (value: string) => value.replace(WIFI_SPECIALS, (ch) => `\\${ch}`)
  if (!password) return `WIFI:T:nopass;S:${escaped(ssid)};;`
  return `WIFI:T:WPA;S:${escaped(ssid)};P:${escaped(password)};;`
}
