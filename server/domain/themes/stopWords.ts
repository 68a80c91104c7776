/**
 * Generic function words for English and Spanish. Nothing domain-specific belongs here: these lists only drop
 * words that carry no topic in any conversation.
 */
const ENGLISH = `a about above after again against all almost also although always am among an and another any
anyone anything are around as at be became because become been before being below between both but by can cannot
could did do does doing done down during each either else enough even ever every everyone everything few for from
further get gets getting give given go goes going got had has have having he her here hers herself him himself his
how however i if in into is it its itself just least less let like made make makes making many may me might more
most much must my myself need needs neither never no nobody none nor not nothing now of off often on once one only
onto or other others our ours ourselves out over own per perhaps put rather really same say says see seen shall she
should since so some someone something sometimes still such take than that the their theirs them themselves then
there these they thing things this those though through thus to too toward towards under until up upon us use used
using very via want wants was way ways we well were what whatever when where whether which while who whoever whole
whom whose why will with within without would yes yet you your yours yourself yourselves instead already lot lots
`

const SPANISH = `a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui así aun aunque bien cada casi
como con contra cual cuales cualquier cuando cuanto de del desde donde dos el él ella ellas ello ellos en entre era
eran es esa esas ese eso esos esta está están estar estas este esto estos fue fueron ha había habían han hasta hay
la las le les lo los más me mi mis mismo muy nada ni no nos nosotros nuestra nuestras nuestro nuestros o otra otras
otro otros para pero poco por porque pues que qué quien quienes se sea sean ser si sí sido siempre sin sino sobre
su sus también tan tanto te tener tiene tienen todo todos toda todas tu tus un una unas uno unos usted ustedes va
van y ya yo hacer hace hacen puede pueden debe deben cómo dónde cuándo mucho muchos mucha muchas menos vez veces
`

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/u).filter((w) => w.length > 0))
}

/** English function words. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = toSet(ENGLISH)
/** Spanish function words. */
export const SPANISH_STOP_WORDS: ReadonlySet<string> = toSet(SPANISH)

/** True when the word is a function word in English or Spanish. */
export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word) || SPANISH_STOP_WORDS.has(word)
}
