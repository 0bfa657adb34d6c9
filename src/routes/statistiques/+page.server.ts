// The network's statistics, the visitors' home page, under a name members can reach too
// (their home is Mon espace).
export { load } from '../+page.server';
