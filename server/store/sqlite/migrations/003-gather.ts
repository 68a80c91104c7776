/** Migration 003: the gather step (votes, published summaries). Reserved for that feature. */
export default '-- gather'
