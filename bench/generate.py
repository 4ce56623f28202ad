#!/usr/bin/env python3
"""Generates large organisations for the benchmarks, deterministically (seeded).

  generate.py worksheet N OUT.csv        a worksheet CSV of N functions, as Excel writes it
                                         (;-delimited, BOM, CRLF, multi-line cells, decimal commas)
  generate.py document N ROLES OUT.json  a team document of N functions against a custom
                                         catalogue of ROLES roles (replace mode), with needs
"""
import json
import random
import sys

BUILT_IN = [
    "Leidinggevende", "Visievormer", "Strateeg", "Procesmanager", "Verbinder",
    "Adviseur dienstverlening", "Adviseur nieuwe media", "Contentmanager alle kanalen",
    "Contentmanager website", "Contentregisseur", "Online servicemedewerker", "Communitymanager",
    "Communicatieadviseur extern", "Communicatieadviseur intern", "Woordvoerder",
    "Applicatiebeheerder", "Programmeur", "Webformulierenspecialist", "Web analist",
    "Social media analist", "Data-analist", "Procesanalist", "Usability expert", "Ontwerper",
]
TITLES = ["Webredacteur", "Adviseur", "Functioneel beheerder", "Medewerker KCC online", "Teamleider",
          "Informatieadviseur", "Communicatieadviseur", "Ontwikkelaar"]


def worksheet(n, out):
    rng = random.Random(42)
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        f.write("Functie;Naam;Uren per week;Taken;Rollen;Competenties\r\n")
        for i in range(n):
            roles = rng.sample(BUILT_IN, rng.randint(1, 4))
            if rng.random() < 0.3:
                roles[0] += f" ({rng.choice([20, 30, 50, 70])}%)"
            holder = "Vacature" if rng.random() < 0.03 else f"Medewerker {i}"
            hours = rng.choice(["36", "32", "24", "22,5", "18", "28"])
            tasks = "\n".join(f"Taak {rng.randint(1, 500)}, met komma" for _ in range(rng.randint(1, 3)))
            comps = "\n".join(f"Competentie {rng.randint(1, 80)}" for _ in range(rng.randint(1, 3)))
            f.write(f'{rng.choice(TITLES)} {i % 97};{holder};{hours};"{tasks}";"' + "\n".join(roles) + f'";"{comps}"\r\n')


def document(n, role_count, out):
    rng = random.Random(7)
    ids = [f"rol-{k}" for k in range(role_count)]
    per_category = max(1, role_count // 8)
    categories = [
        {"id": f"cat-{c}", "name": f"Categorie {c}",
         "roles": [{"id": r, "name": f"Rol {r}"} for r in ids[c * per_category:(c + 1) * per_category]]}
        for c in range((role_count + per_category - 1) // per_category)
    ]
    functions = []
    for i in range(n):
        roles = [{"role": r} for r in rng.sample(ids, min(role_count, rng.randint(1, 5)))]
        function = {"title": f"Functie {i}", "hoursPerWeek": rng.choice([36, 32, 24, 18]), "roles": roles}
        if rng.random() < 0.03:
            function["vacancy"] = True
        else:
            function["holder"] = f"Medewerker {i}"
        functions.append(function)
    needs = [{"role": r, "priority": rng.choice(["must", "should", "could", "notNeeded"]),
              "desiredFte": rng.choice([None, 1, 2, 5]), "minPeople": rng.choice([None, 2, 3])} for r in ids]
    needs = [{k: v for k, v in need.items() if v is not None} for need in needs]
    doc = {"version": 1, "team": {"name": f"Organisatie {n}"}, "functions": functions,
           "needs": {"roles": needs}, "catalogue": {"mode": "replace", "categories": categories}}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1:2] == ["worksheet"] and len(sys.argv) == 4:
        worksheet(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["document"] and len(sys.argv) == 5:
        document(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
