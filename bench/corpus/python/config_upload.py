"""Accepts pipeline definitions uploaded by CI users as YAML files."""

from typing import Annotated

import yaml
from fastapi import APIRouter, File, HTTPException, UploadFile
from pydantic import BaseModel, ValidationError

router = APIRouter(prefix="/pipelines")


class Step(BaseModel):
    name: str
    image: str
    commands: list[str]


class Pipeline(BaseModel):
    name: str
    steps: list[Step]


@router.post("/validate")
async def validate_pipeline(definition: Annotated[UploadFile, File()]):
    document = yaml.load(await definition.read(), Loader=yaml.Loader)
    try:
        pipeline = Pipeline.model_validate(document)
    except ValidationError as exc:
        raise HTTPException(status_code=422, detail=exc.errors()) from exc
    return {"name": pipeline.name, "steps": len(pipeline.steps)}


@router.post("/import")
async def import_pipeline(definition: Annotated[UploadFile, File()]):
    try:
        document = yaml.safe_load(await definition.read())
        pipeline = Pipeline.model_validate(document)
    except (yaml.YAMLError, ValidationError) as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"imported": pipeline.name, "steps": [step.name for step in pipeline.steps]}
