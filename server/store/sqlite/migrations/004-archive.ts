/** Migration 004: exports, sharing and retention. Reserved for that feature. */
export default '-- archive'
