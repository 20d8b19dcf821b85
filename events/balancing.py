"""Assigning people to conversation tables: wishes first (while a table has room), then the
others to the emptiest tables, so that tables stay balanced. Pure Python, no Django import.

assign(people, tables) -> {person: table}
  people: list of (person_id, wished_table_id or None), in registration order
  tables: list of (table_id, capacity or None)
"""


def assign(people, tables) -> dict:
    if not tables:
        return {}
    order = [table_id for table_id, _ in tables]
    capacity = dict(tables)
    count = dict.fromkeys(order, 0)
    # Balanced share: nobody's wish may push a table above its capacity nor above an even split
    # rounded up, so that latecomers still find room everywhere.
    share = -(-len(people) // len(tables))

    def room(table_id) -> bool:
        cap = capacity[table_id]
        return count[table_id] < share and (cap is None or count[table_id] < cap)

    result, rest = {}, []
    for person, wish in people:
        if wish in count and room(wish):
            result[person] = wish
            count[wish] += 1
        else:
            rest.append(person)
    for person in rest:
        open_tables = [t for t in order if capacity[t] is None or count[t] < capacity[t]]
        if not open_tables:
            result[person] = None
            continue
        table_id = min(open_tables, key=lambda t: (count[t], order.index(t)))
        result[person] = table_id
        count[table_id] += 1
    return result
