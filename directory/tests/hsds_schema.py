"""A test-only JSON schema of the HSDS 3.x compiled ``service`` and ``organization`` shapes we
emit, written from a reading of Open Referral's specification (schema/compiled/service.json and
organization.json at commit 279fd2eb, HSDS 3.0): required fields, types, enumerations, no null
anywhere, and ``x_`` profile extensions allowed (the spec's objects accept additional
properties). It is not a copy of the spec's files."""

STRING = {"type": "string", "minLength": 1}
UUID = {
    "type": "string",
    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
TIME = {"type": "string", "pattern": r"^\d{2}:\d{2}"}
NUMBER = {"type": "number"}
EXTENSIONS = {"^x_": {}}


def obj(required, properties):
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "patternProperties": EXTENSIONS,
        "additionalProperties": False,
    }


def array(item):
    return {"type": "array", "minItems": 1, "items": item}


METADATA = obj(
    [
        "id",
        "last_action_date",
        "last_action_type",
        "field_name",
        "previous_value",
        "replacement_value",
        "updated_by",
    ],
    dict.fromkeys(
        [
            "last_action_date",
            "last_action_type",
            "field_name",
            "previous_value",
            "replacement_value",
            "updated_by",
            "resource_type",
        ],
        STRING,
    )
    | {"id": UUID, "resource_id": UUID},
)
PHONE = obj(
    ["id", "number"],
    {
        "id": UUID,
        "number": STRING,
        "type": STRING,
        "description": STRING,
        "service_id": UUID,
        "location_id": UUID,
        "organization_id": UUID,
    },
)
SCHEDULE = obj(
    ["id"],
    {
        "id": UUID,
        "service_id": UUID,
        "location_id": UUID,
        "freq": {"enum": ["WEEKLY", "MONTHLY"]},
        "byday": STRING,
        "opens_at": TIME,
        "closes_at": TIME,
        "valid_from": DATE,
        "valid_to": DATE,
        "description": STRING,
    },
)
ADDRESS = obj(
    ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    {
        "id": UUID,
        "location_id": UUID,
        "attention": STRING,
        "address_1": STRING,
        "address_2": STRING,
        "city": STRING,
        "region": STRING,
        "state_province": STRING,
        "postal_code": STRING,
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "address_type": {"enum": ["physical", "postal", "virtual"]},
    },
)
LOCATION = obj(
    ["id", "location_type"],
    {
        "id": UUID,
        "location_type": {"enum": ["physical", "postal", "virtual"]},
        "url": STRING,
        "organization_id": UUID,
        "name": STRING,
        "alternate_name": STRING,
        "description": STRING,
        "transportation": STRING,
        "latitude": NUMBER,
        "longitude": NUMBER,
        "addresses": array(ADDRESS),
        "phones": array(PHONE),
        "schedules": array(SCHEDULE),
        "accessibility": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "location_id": UUID,
                    "description": STRING,
                    "details": STRING,
                    "url": STRING,
                },
            )
        ),
    },
)
TAXONOMY_TERM = obj(
    ["id", "name", "description"],
    {
        "id": UUID,
        "code": STRING,
        "name": STRING,
        "description": STRING,
        "parent_id": UUID,
        "taxonomy_id": UUID,
        "taxonomy": obj(
            ["id", "name", "description"],
            {"id": UUID, "name": STRING, "description": STRING, "uri": STRING},
        ),
    },
)
ORGANIZATION = obj(
    ["id", "name", "description"],
    {
        "id": UUID,
        "name": STRING,
        "alternate_name": STRING,
        "description": STRING,
        "email": STRING,
        "website": STRING,
        "legal_status": STRING,
        "parent_organization_id": UUID,
        "organization_identifiers": array(
            obj(
                ["id", "identifier_type", "identifier"],
                {
                    "id": UUID,
                    "organization_id": UUID,
                    "identifier_scheme": STRING,
                    "identifier_type": STRING,
                    "identifier": STRING,
                },
            )
        ),
        "phones": array(PHONE),
        "locations": array(LOCATION),
        "metadata": array(METADATA),
        "services": {"type": "array"},
    },
)
SERVICE = obj(
    ["id", "name", "status"],
    {
        "id": UUID,
        "organization_id": UUID,
        "name": STRING,
        "alternate_name": STRING,
        "description": STRING,
        "url": STRING,
        "email": STRING,
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "interpretation_services": STRING,
        "application_process": STRING,
        "fees_description": STRING,
        "eligibility_description": STRING,
        "minimum_age": NUMBER,
        "maximum_age": NUMBER,
        "assured_date": DATE,
        "assurer_email": STRING,
        "alert": STRING,
        "last_modified": STRING,
        "phones": array(PHONE),
        "schedules": array(SCHEDULE),
        "service_areas": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "service_id": UUID,
                    "name": STRING,
                    "description": STRING,
                    "uri": STRING,
                },
            )
        ),
        "languages": array(
            obj(
                ["id"],
                {"id": UUID, "service_id": UUID, "name": STRING, "code": STRING, "note": STRING},
            )
        ),
        "cost_options": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "service_id": UUID,
                    "option": STRING,
                    "amount": NUMBER,
                    "currency": STRING,
                    "amount_description": STRING,
                },
            )
        ),
        "contacts": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "service_id": UUID,
                    "name": STRING,
                    "title": STRING,
                    "email": STRING,
                    "phones": array(obj(["id", "number"], {"id": UUID, "number": STRING})),
                },
            )
        ),
        "attributes": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "link_id": UUID,
                    "link_type": STRING,
                    "link_entity": STRING,
                    "taxonomy_term_id": UUID,
                    "taxonomy_term": TAXONOMY_TERM,
                },
            )
        ),
        "service_at_locations": array(
            obj(
                ["id"],
                {
                    "id": UUID,
                    "service_id": UUID,
                    "location_id": UUID,
                    "description": STRING,
                    "location": LOCATION,
                },
            )
        ),
        "organization": ORGANIZATION,
        "metadata": array(METADATA),
    },
)
PAGE = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
    "additionalProperties": False,
}
