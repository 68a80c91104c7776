import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { LIMITS } from '../../../shared/limits.ts'
import type { Anonymity, Language } from '../../../shared/session.ts'
import { ANONYMITY } from '../constants.ts'
import { applyLanguage, asLanguage, browserLanguage, FACILITATOR_LANGUAGE_KEY } from '../i18n/index.ts'
import { ApiError, createSession } from '../net/api.ts'
import { saveProjectorUrl, saveRoleToken, storage } from '../net/storage.ts'
import { errorText } from '../ui/errorText.ts'
import { FormSubmit } from '../ui/FormSubmit.tsx'
import { LanguageSelect } from '../ui/LanguageSelect.tsx'
import { Shell } from '../ui/Shell.tsx'

/** /new — a facilitator sets up a session and lands on its facilitator page. */
export default function CreatePage() {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [title, setTitle] = useState('')
  const [welcome, setWelcome] = useState('')
  const [sectors, setSectors] = useState('')
  const [anonymity, setAnonymity] = useState<Anonymity>('sector')
  const [ssid, setSsid] = useState('')
  const [password, setPassword] = useState('')
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(() => browserLanguage() ?? 'en')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ids = {
    title: useId(),
    welcome: useId(),
    welcomeHint: useId(),
    sectors: useId(),
    sectorsHint: useId(),
  }
  const wifiIds = { ssid: useId(), password: useId(), hint: useId() }

  useEffect(() => {
    applyLanguage(asLanguage(storage.get(FACILITATOR_LANGUAGE_KEY)) ?? browserLanguage() ?? 'en')
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const created = await createSession({
        title: title.trim(),
        welcome: welcome.trim(),
        sectors: sectors
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .slice(0, LIMITS.sectorsMax),
        anonymity,
        wifi: ssid.trim() ? { ssid: ssid.trim(), password } : null,
        defaultLanguage,
      })
      saveRoleToken(created.sessionId, created.facilitatorToken)
      saveProjectorUrl(created.sessionId, created.projectorUrl)
      const url = new URL(created.facilitatorUrl)
      navigate(`${url.pathname}${url.hash}`)
    } catch (err) {
      setError(errorText(t, err instanceof ApiError ? err.code : undefined))
      setBusy(false)
    }
  }

  return (
    <Shell>
      <form className="card" onSubmit={submit}>
        <h1>{t('create.heading')}</h1>
        <p className="muted">{t('create.intro')}</p>

        <div className="field">
          <label htmlFor={ids.title}>{t('create.titleLabel')}</label>
          <input
            id={ids.title}
            type="text"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('create.titlePlaceholder')}
            maxLength={LIMITS.titleMaxChars}
            required
          />
        </div>

        <div className="field">
          <label htmlFor={ids.welcome}>{t('create.welcomeLabel')}</label>
          <span id={ids.welcomeHint} className="hint">
            {t('create.welcomeHint')}
          </span>
          <textarea
            id={ids.welcome}
            value={welcome}
            onChange={(e) => setWelcome(e.target.value)}
            maxLength={LIMITS.welcomeMaxChars}
            aria-describedby={ids.welcomeHint}
          />
        </div>

        <div className="field">
          <label htmlFor={ids.sectors}>{t('create.sectorsLabel')}</label>
          <span id={ids.sectorsHint} className="hint">
            {t('create.sectorsHint')}
          </span>
          <textarea
            id={ids.sectors}
            value={sectors}
            onChange={(e) => setSectors(e.target.value)}
            aria-describedby={ids.sectorsHint}
            rows={4}
          />
        </div>

        <fieldset>
          <legend>{t('create.anonymityLegend')}</legend>
          {ANONYMITY.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="anonymity"
                value={option}
                checked={anonymity === option}
                onChange={() => setAnonymity(option)}
              />
              <span>
                <strong>{t(`create.anonymity.${option}`)}</strong>
                <span className="hint">{t(`create.anonymity.${option}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset aria-describedby={wifiIds.hint}>
          <legend>{t('create.wifiLegend')}</legend>
          <p id={wifiIds.hint} className="hint">
            {t('create.wifiHint')}
          </p>
          <div className="row">
            <div className="field">
              <label htmlFor={wifiIds.ssid}>{t('create.wifiSsid')}</label>
              <input
                id={wifiIds.ssid}
                type="text"
                value={ssid}
                onChange={(e) => setSsid(e.target.value)}
                maxLength={LIMITS.wifiFieldMaxChars}
                autoComplete="off"
              />
            </div>
            <div className="field">
              <label htmlFor={wifiIds.password}>{t('create.wifiPassword')}</label>
              <input
                id={wifiIds.password}
                type="text"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                maxLength={LIMITS.wifiFieldMaxChars}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          </div>
        </fieldset>

        <LanguageSelect
          value={defaultLanguage}
          onChange={setDefaultLanguage}
          label={t('create.languageLabel')}
        />

        <FormSubmit error={error} busy={busy} label={t('create.submit')} busyLabel={t('create.creating')} />
      </form>
    </Shell>
  )
}
