% mapa's additions to the Czech hyphenation patterns (UTF-8; "%" starts a
% comment). src/hyph_cs.sh appends them to Debian's hyph_cs_CZ.dic before
% libhyphen's preprocessing, so they combine with the original patterns as
% in TeX: at each position the highest value wins, odd allows a break, even
% forbids it.
%
% Each group fixes a systematic error of the 1995 patterns against the ÚJČ
% principles (prefix and compound boundaries first, the diphthongs ou, au,
% eu not split, no misleading fragments); tests/typo/README.md lists the
% words each changes in a 5 000-word sample of the Czech word list.
%
% eu in Greek loanwords is one syllable: terapeu-tický, pneu-matika,
% farmaceu-tický (the patterns gave terape-utický, pne-umatika).
pe2ut
ce2ut
pne2u
%
% po-, do- before a stem starting with u: po-ukázat, po-učit, po-užít,
% po-usmát, do-učovat (the patterns gave pou-kázat, dou-čovat, pou-smát,
% which read as the diphthong ou).
.pou4k
.pou4č
.pou4ž
.pou4l
.po3u4sm
.dou4č
%
% roz-, bez-, vše- before a vowel: roz-účtovat, bez-úročný, vše-obecný
% (not rozú-čtovat, bezú-ročný, všeo-becný); the stem účt- splits úč-t.
.roz3ú4
.bezú4
.všeo4
úč3t
%
% noc-leh is a compound: noc-le-hárna (the patterns missed noc-).
.noc1leh
