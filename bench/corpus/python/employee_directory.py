"""HR directory lookups over the exported org chart."""

import re
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException
from lxml import etree

router = APIRouter(prefix="/directory")

ORG_CHART = etree.parse(
    "/srv/hr/org_chart.xml", etree.XMLParser(resolve_entities=False, no_network=True)
)
BY_DEPARTMENT = etree.XPath("//employee[department = $dept]/name/text()")
EMPLOYEE_ID = re.compile(r"E\d{6}")


@router.get("/departments/{dept}")
def department_members(dept: str):
    return {"department": dept, "members": [str(n) for n in BY_DEPARTMENT(ORG_CHART, dept=dept)]}


@router.get("/managers")
def manager_of(x_employee_name: Annotated[str, Header()]):
    query = f"//employee[name='{x_employee_name}']/manager/text()"
    result = ORG_CHART.xpath(query)
    return {"employee": x_employee_name, "manager": str(result[0]) if result else None}


@router.get("/employees/{employee_id}/title")
def employee_title(employee_id: str):
    if not EMPLOYEE_ID.fullmatch(employee_id):
        raise HTTPException(status_code=422, detail="employee ids look like E123456")
    titles = ORG_CHART.xpath(f"//employee[@id='{employee_id}']/title/text()")
    if not titles:
        raise HTTPException(status_code=404)
    return {"id": employee_id, "title": str(titles[0])}
