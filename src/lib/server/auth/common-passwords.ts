/**
 * Passwords that are among the most used (English and French leaked-password lists), lower-cased.
 * Passwords shorter than 10 characters are refused anyway; the list concentrates on those of
 * 10 characters or more, which the length rule alone would let through, plus the classics
 * so that the check stands on its own.
 */
const list = `
123456 123456789 12345678 password motdepasse azerty azertyuiop qwerty qwertyuiop 111111
1234567890 0123456789 12345678910 1234567891 0987654321 9876543210 1111111111 0000000000
2222222222 5555555555 7777777777 9999999999 1212121212 1122334455 1231231231 1234512345
123456789a a123456789 123456789q 1234567890a qwerty1234 qwerty12345 qwerty123456 qwertyuiop1
azerty1234 azerty12345 azerty123456 azertyuiop1 azertyuiop123 azertyqsdf azertyqsdfg
qsdfghjklm wxcvbnqsdf aqwzsxedc aqwzsxedcrfv azqswxedcrfv 1qaz2wsx3edc zaq12wsx qazwsxedc
qazwsxedcrfv 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4t5 q1w2e3r4t5y6 a1z2e3r4t5 a1z2e3r4t5y6
passwordpassword password12 password123 password1234 password12345 password2024
password2025 password2026 passw0rd123 p@ssw0rd123 p@ssword123 mypassword mypassword1
iloveyou12 iloveyou123 letmein123 welcome123 welcome1234 administrator admin12345
admin123456 administrateur changeme123 trustno1234 monkey1234 dragon1234 football12
football123 baseball12 superman12 batman1234 starwars12 sunshine12 princess12 charlie123
michael123 jennifer12 computer12 whatever12 internet12 freedom123 abcdefghij abcdef1234
abc1234567 abcd123456 abcdefg123 qwertyasdf asdfghjkl1 asdfghjkl123 zxcvbnm123
motdepasse1 motdepasse12 motdepasse123 motdepasse1234 motdepasse2024 motdepasse2025
motdepasse2026 mot2passe123 monmotdepasse monmotdepasse1 nouveaumotdepasse
jetaime123 jetaime1234 jetaimetoujours jetaimemonamour moncoeur123 monamour123 mamour1234
soleil1234 soleil12345 soleil2024 doudou1234 chouchou12 chouchou123 loulou1234 nounours12
nounours123 bisounours bisounours1 chocolat12 chocolat123 coucou1234 bonjour123 bonjour1234
bonjour2024 bienvenue1 bienvenue123 bienvenue2024 marseille13 marseille1 olympiquedemarseille
allezlom13 allezparis psgforever paris75000 parisien75 toulouse31 lyon123456 bordeaux33
nantes4400 lille59000 francefrance vivelafrance liberte123 camille123 nicolas123
thomas1234 julien1234 maxime1234 alexandre1 alexandre123 antoine123 mathieu123 sebastien1
guillaume1 christophe frederic12 stephanie1 sandrine12 nathalie12 isabelle12 caroline12
celine1234 aurelie123 amandine12 marine1234 pauline123 charlotte1 louloutte1 princesse1
princesse12 cocacola12 pokemon123 naruto1234 minecraft1 minecraft123 fortnite12
pompier1234 docteur123 medecin123 infirmiere infirmiere1 infirmier1 pharmacien pharmacie1
pharmacie123 hopital1234 sante12345 santepublique cpts123456 reseaucpts reseau-cpts
secret1234 secret12345 azerty@123 azerty2024 azerty2025 azerty2026 qwerty2024
`;

/** The list as a set, for the sign-up and password-change checks. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));
