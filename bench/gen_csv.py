#!/usr/bin/env python3
"""Generate a realistic client CSV in Sendero's import shape.

Usage: gen_csv.py ROWS OUT.csv [SEED]

Names come from several cultures (Spanish double surnames, Haitian, Afghan, Syrian,
Congolese, Brazilian, ...); about 60% of rows belong to a household of 2-6 people sharing a
household_ref, the rest are single-person households or have no household. Dates of birth are
full dates, year-month or year only (approximate dates are common). Some rows carry aliases,
A-numbers, e-mails and addresses.
"""
import csv
import random
import sys

CULTURES = [
    ("Honduras", "Spanish", True,
     ["José", "Darwin", "Kevin", "Luis Fernando", "Wilmer", "Óscar", "Yeferson", "Brayan", "Elvin", "Marvin"],
     ["María José", "Dunia", "Karla", "Yessenia", "Ana Lucía", "Wendy", "Génesis", "Sofía", "Keyla", "Glenda"],
     ["Hernández", "López", "Martínez", "Pérez", "Rodríguez", "Mejía", "Flores", "Zelaya", "Banegas", "Castillo", "Murillo", "Reyes"]),
    ("Venezuela", "Spanish", True,
     ["Andrés", "Jesús", "Carlos Eduardo", "Yorman", "Jhonny", "Rafael", "Wilfredo"],
     ["Daniela", "Yulimar", "Mariángel", "Andreína", "Gabriela", "Nohemí", "Yusmary"],
     ["González", "Ramírez", "Suárez", "Rondón", "Briceño", "Mendoza", "Castro", "Peña", "Quintero"]),
    ("Guatemala", "K'iche', Spanish", True,
     ["Juan", "Pedro", "Santos", "Baltazar", "Diego", "Tomás"],
     ["Juana", "Rosalinda", "Manuela", "Ixchel", "Catarina", "Micaela"],
     ["Tzoc", "Xiloj", "Ajanel", "Us", "Tum", "Cux", "Chávez", "Ixcoy", "Sic"]),
    ("Mexico", "Spanish", True,
     ["Miguel Ángel", "Alejandro", "Ricardo", "Ulises", "Jorge"],
     ["Guadalupe", "Ximena", "Citlali", "Rocío", "Itzel"],
     ["García", "Sánchez", "Ramírez", "Torres", "Domínguez", "Vázquez", "Ortiz"]),
    ("Haiti", "Haitian Creole, French", False,
     ["Jean-Baptiste", "Wilson", "Frantz", "Ricot", "Jameson", "Wideline"],
     ["Mirlande", "Nadège", "Roseline", "Guerline", "Fabienne", "Islande"],
     ["Joseph", "Pierre", "Jean-Louis", "Désir", "Dorvil", "Exantus", "Baptiste", "Charles", "Louis", "Saint-Fleur"]),
    ("Afghanistan", "Dari, Pashto", False,
     ["Ahmad Shah", "Mohammad", "Farid", "Hamid", "Abdul Rahman", "Sayed"],
     ["Parwana", "Shabnam", "Zahra", "Mariam", "Fereshta", "Mursal"],
     ["Ahmadi", "Rahimi", "Karimi", "Noori", "Popal", "Sultani", "Hakimi", "Stanikzai"]),
    ("Syria", "Arabic", False,
     ["Mohammed", "Khaled", "Omar", "Yousef", "Mustafa", "Nasser"],
     ["Layla", "Nour", "Rania", "Huda", "Fatima", "Amina"],
     ["Haddad", "Al-Masri", "Al-Khatib", "Darwish", "Haj Ali", "Hassan", "Kassab"]),
    ("Democratic Republic of the Congo", "French, Lingala", False,
     ["Jean-Pierre", "Patrick", "Christian", "Dieudonné", "Fiston"],
     ["Espérance", "Chantal", "Grâce", "Nathalie", "Bénédicte"],
     ["Mukendi", "Ilunga", "Tshibangu", "Mbuyi", "Kabila", "Kalala", "Ngoy"]),
    ("Brazil", "Portuguese", False,
     ["João", "Thiago", "Rafael", "Lucas", "Gabriel"],
     ["Ana Clara", "Juliana", "Fernanda", "Beatriz", "Luana"],
     ["da Silva", "Oliveira", "Souza", "Pereira", "Lima", "dos Santos", "Ferreira"]),
    ("Ukraine", "Ukrainian, Russian", False,
     ["Oleksandr", "Dmytro", "Andriy", "Serhiy"],
     ["Olena", "Iryna", "Kateryna", "Nataliya"],
     ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko"]),
    ("Eritrea", "Tigrinya", False,
     ["Tesfay", "Yonas", "Berhane", "Dawit"],
     ["Selam", "Helen", "Saba", "Tsega"],
     ["Tesfamariam", "Gebremedhin", "Haile", "Kidane", "Woldu"]),
]
STREETS = ["Calle Ocho", "Main St", "Broadway", "Elm Ave", "Maple Rd", "Grand Concourse", "Fulton St"]


def person(rng, c, surname_seed=None):
    country, langs, double, gm, gf, fam = c
    female = rng.random() < 0.5
    given = rng.choice(gf if female else gm)
    first = surname_seed or rng.choice(fam)
    family = f"{first} {rng.choice(fam)}" if double and rng.random() < 0.8 else first
    return given, family, country, langs


def birth(rng, head):
    year = rng.randint(1960, 2004) if head else rng.randint(1965, 2024)
    r = rng.random()
    if r < 0.75:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if r < 0.85:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    return f"{year:04d}"


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    cols = ["household_ref", "relationship", "given_names", "family_names", "aliases",
            "birth_date", "country", "languages", "a_number", "phone", "email", "address"]
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        n = 0
        hh = 0
        while n < rows:
            c = rng.choice(CULTURES)
            r = rng.random()
            size = 1 if r < 0.4 else rng.randint(2, 6)
            size = min(size, rows - n)
            ref = ""
            if size > 1 or rng.random() < 0.5:
                hh += 1
                ref = f"HH-{hh:06d}"
            surname = rng.choice(c[5])
            address = f"{rng.randint(1, 9999)} {rng.choice(STREETS)}, Apt {rng.randint(1, 40)}"
            for i in range(size):
                given, family, country, langs = person(rng, c, surname)
                rel = "" if not ref else ("head" if i == 0 else rng.choice(
                    ["spouse", "child", "child", "child", "parent", "sibling", "other_relative"]))
                alias = ""
                if rng.random() < 0.1:
                    alias = rng.choice(c[3] + c[4])
                a_num = ""
                if rng.random() < 0.3:
                    d = f"{rng.randint(10_000_000, 999_999_999):09d}"
                    a_num = rng.choice([d, f"A{d}", f"A {d[0:3]}-{d[3:6]}-{d[6:9]}"])
                phone = f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}" \
                    if rng.random() < 0.8 else ""
                email = ""
                if rng.random() < 0.25:
                    email = f"{given.split()[0].lower()}.{n}@example.org".replace("é", "e").replace("á", "a")
                w.writerow([ref, rel, given, family, alias, birth(rng, i == 0), country, langs,
                            a_num, phone, email, address if ref and rng.random() < 0.7 else ""])
                n += 1


if __name__ == "__main__":
    main()
