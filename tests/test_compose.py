"""docker-compose.yml describes the whole production stack."""

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "docker-compose.yml").read_text()
)


def test_it_describes_every_service_with_a_healthcheck():
    services = COMPOSE["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ["postgres", "redis", "web", "worker", "beat"]:
        assert "healthcheck" in services[name], name


def test_it_gives_the_platform_services_what_they_need():
    for name in ["web", "worker", "beat"]:
        environment = COMPOSE["services"][name]["environment"]
        for variable in ["DJANGO_ENV", "DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY"]:
            assert variable in environment, (name, variable)
        depends = COMPOSE["services"][name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
