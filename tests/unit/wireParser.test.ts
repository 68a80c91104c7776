import { describe, expect, it } from 'vitest'
import { packEvent, packFrame, unpackEvent, unpackFrame, wireParser } from '../../shared/wireParser.ts'

const EVENT = 2
const ACK = 3

function roundTrip(packet: object): unknown[] {
  const frames = new wireParser.Encoder().encode(packet)
  const decoder = new wireParser.Decoder()
  const decoded: unknown[] = []
  decoder.on('decoded', (p: unknown) => decoded.push(p))
  for (const frame of frames) decoder.add(frame)
  return [frames, decoded]
}

describe('wire parser', () => {
  it('sends an event with binary data as one binary frame and reads it back', () => {
    const update = new Uint8Array([0, 2, 7, 1, 255])
    const [frames, decoded] = roundTrip({ type: EVENT, nsp: '/', data: ['doc:message', 's/a/g/b', update] })
    expect(frames).toHaveLength(1)
    expect((frames as unknown[])[0]).toBeInstanceOf(Uint8Array)
    expect(decoded).toEqual([{ type: EVENT, nsp: '/', data: ['doc:message', 's/a/g/b', update] }])
  })

  it('sends an event of text and binary arguments in a compact frame, without a JSON header', () => {
    const update = new Uint8Array([0, 2, 7, 1, 255])
    const stored = new Uint8Array([1, 9, 3])
    const data = ['doc:message', 'notes of Zoë — 会議', update, stored]
    const [frames, decoded] = roundTrip({ type: EVENT, nsp: '/', data })
    const frame = (frames as Uint8Array[])[0] as Uint8Array
    expect(frame[0]).toBe(1)
    expect(new TextDecoder().decode(frame)).not.toContain('_placeholder')
    expect(decoded).toEqual([{ type: EVENT, nsp: '/', data }])
    // An ArrayBuffer argument (as a browser may pass) arrives as bytes.
    const [, fromBuffer] = roundTrip({ type: EVENT, nsp: '/', data: ['doc:message', 'd', update.buffer] })
    expect(fromBuffer).toEqual([{ type: EVENT, nsp: '/', data: ['doc:message', 'd', update] }])
  })

  it('keeps events with an acknowledgement, an object or no binary data on the stock formats', () => {
    const bytes = new Uint8Array([1])
    for (const packet of [
      { type: EVENT, nsp: '/', id: 4, data: ['doc:message', 'd', bytes] },
      { type: EVENT, nsp: '/', data: ['doc:stored', { doc: 'd', stateVector: bytes }] },
      { type: EVENT, nsp: '/admin', data: ['doc:message', 'd', bytes] },
    ]) {
      const [frames, decoded] = roundTrip(packet)
      expect((frames as Uint8Array[])[0]?.[0], JSON.stringify(packet.data)).toBe(0)
      expect(decoded).toEqual([packet])
    }
    expect(roundTrip({ type: EVENT, nsp: '/', data: ['doc:open', 'd'] })[0]).toEqual(['2["doc:open","d"]'])
  })

  it('refuses malformed compact frames and names Socket.IO reserves', () => {
    const good = packEvent(['doc:message', 'd', new Uint8Array([1, 2])])
    const withKind = (kind: number) => Uint8Array.from(good, (b, i) => (i === 2 ? kind : b))
    const cases: Array<[string, Uint8Array]> = [
      ['no arguments', new Uint8Array([1, 0])],
      ['too many arguments', packEvent(['e', ...Array.from({ length: 8 }, () => new Uint8Array(1))])],
      ['truncated', good.subarray(0, good.length - 1)],
      ['trailing bytes', Uint8Array.from([...good, 0])],
      ['unknown kind', withKind(7)],
      ['binary name', withKind(1)],
      ['reserved name', packEvent(['disconnect', new Uint8Array([1])])],
      ['not UTF-8', new Uint8Array([1, 2, 0, 0, 0, 0, 2, 0xff, 0xfe, 1, 0, 0, 0, 1, 5])],
    ]
    for (const [name, frame] of cases) {
      expect(() => unpackEvent(frame), name).toThrow('Malformed binary frame.')
      expect(() => new wireParser.Decoder().add(frame), name).toThrow('Malformed binary frame.')
    }
    expect(unpackEvent(good)).toEqual(['doc:message', 'd', new Uint8Array([1, 2])])
  })

  it('keeps several attachments, nested ones and acks in order', () => {
    const a = new Uint8Array([1])
    const b = new Uint8Array(70_000).fill(9)
    const [frames, decoded] = roundTrip({ type: ACK, nsp: '/', id: 12, data: [{ a, list: [b] }] })
    expect(frames).toHaveLength(1)
    expect(decoded).toEqual([{ type: ACK, nsp: '/', id: 12, data: [{ a, list: [b] }] }])
  })

  it('carries non-ASCII text beside the binary data', () => {
    const update = new Uint8Array([1, 2])
    const data = ['doc:message', 'notes of Zoë — 会議', update]
    const [frames, decoded] = roundTrip({ type: EVENT, nsp: '/', data })
    expect(frames).toHaveLength(1)
    expect(decoded).toEqual([{ type: EVENT, nsp: '/', data }])
  })

  it('leaves text-only packets as the stock text frames', () => {
    const [frames, decoded] = roundTrip({ type: EVENT, nsp: '/', data: ['room:state', { v: 1 }] })
    expect(frames).toEqual(['2["room:state",{"v":1}]'])
    expect(decoded).toEqual([{ type: EVENT, nsp: '/', data: ['room:state', { v: 1 }] }])
  })

  it('reads a frame that arrives as an ArrayBuffer, as in a browser', () => {
    const frame = packFrame(['51-["doc:message","d",{"_placeholder":true,"num":0}]', new Uint8Array([4, 5])])
    const decoder = new wireParser.Decoder()
    const decoded: unknown[][] = []
    decoder.on('decoded', (p) => decoded.push(p.data))
    decoder.add(frame.buffer.slice(0))
    expect(Array.from(decoded[0]?.[2] as Uint8Array)).toEqual([4, 5])
  })

  it('refuses malformed frames with an error instead of waiting for attachments', () => {
    const good = packFrame(['51-["e",{"_placeholder":true,"num":0}]', new Uint8Array([1])])
    const cases: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array()],
      ['truncated length', good.subarray(0, 2)],
      ['truncated body', good.subarray(0, good.length - 1)],
      ['no attachments announced', packFrame(['2["e"]', new Uint8Array([1])])],
      [
        'fewer attachments than announced',
        packFrame(['52-["e",{"_placeholder":true,"num":0}]', new Uint8Array([1])]),
      ],
      ['not UTF-8', packFrame([new Uint8Array([0xff, 0xfe]), new Uint8Array([1])])],
      [
        'too many attachments',
        packFrame(['511-["e"]', ...Array.from({ length: 11 }, () => new Uint8Array(1))]),
      ],
    ]
    for (const [name, frame] of cases) {
      expect(() => unpackFrame(frame), name).toThrow('Malformed binary frame.')
      const decoder = new wireParser.Decoder()
      expect(() => decoder.add(frame), name).toThrow()
    }
    expect(() => new wireParser.Decoder().add(42)).toThrow('Unknown frame type.')
  })
})
