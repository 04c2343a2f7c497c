"""The Jinja environment: the site's templates over the default theme.

A site overrides any theme file by putting one of the same name in its own
templates/ directory. Templates are compiled up front so that every syntax
error is reported at once, as `path:line`, before any page is rendered.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from site_builder.config import Config
from site_builder.errors import Problem, TemplateError
from site_builder.render.urls import dom_id
from site_builder.theme import theme_dir

TEMPLATE_SUFFIXES = (".html", ".xml")




def search_path(config: Config) -> list[Path]:
    """Directories searched for a template, first match wins."""
    site = config.templates_dir
    return [site, theme_dir()] if site.is_dir() else [theme_dir()]


THEME_PREFIX = "theme/"


def make_environment(config: Config, *, dev: bool = False) -> jinja2.Environment:
    # "theme/<name>" always names the default theme's file, so a site template
    # can extend the one it replaces: {% extends "theme/article.html" %}.
    loader = jinja2.ChoiceLoader([
        *(jinja2.FileSystemLoader(p) for p in search_path(config)),
        jinja2.PrefixLoader({THEME_PREFIX.rstrip("/"): jinja2.FileSystemLoader(theme_dir())}),
    ])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The dev server edits templates under a running process.
        auto_reload=dev,
    )
    env.globals["actor_dom_id"] = lambda actor_id: dom_id("actor-", actor_id)
    return env


def compile_all(env: jinja2.Environment, config: Config) -> None:
    """Load every page template now; raise one TemplateError listing all broken ones."""
    problems: list[Problem] = []
    names = env.list_templates(filter_func=lambda name: name.endswith(TEMPLATE_SUFFIXES)
                               and not name.startswith(THEME_PREFIX))
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(Problem.at(
                display_path(exc.filename or name, config), exc.lineno,
                f"template syntax error: {exc.message}",
                "check the matching {% … %} tags and quotes",
            ))
        except UnicodeDecodeError as exc:
            problems.append(Problem.at(f"templates/{name}", 1,
                                       f"not valid UTF-8 ({exc.reason})", "save it as UTF-8"))
    if problems:
        raise TemplateError(problems)


def render_error(exc: Exception, name: str, config: Config) -> TemplateError:
    """A TemplateError naming the template line that failed while rendering `name`."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(Problem.at(display_path(exc.filename or name, config), exc.lineno,
                                        f"template syntax error: {exc.message}"))
    path, line = display_path(name, config), 1
    roots = [p.resolve() for p in search_path(config)]
    # Jinja rewrites tracebacks so that template frames carry the template's
    # own file name and line: the last such frame is where it failed.
    for frame in traceback.extract_tb(exc.__traceback__):
        candidate = Path(frame.filename)
        if any(candidate.is_relative_to(root) for root in roots):
            path, line = display_path(frame.filename, config), frame.lineno or 1
    hint = ("a variable or attribute is missing: see docs/theming.md for what each "
            "template receives" if isinstance(exc, jinja2.UndefinedError) else "")
    return TemplateError(Problem.at(path, line, f"{type(exc).__name__}: {exc}", hint))


def display_path(filename: str, config: Config) -> str:
    """A template's path as the user should read it: relative to the site when it is theirs."""
    path = Path(filename)
    if path.is_absolute():
        if path.is_relative_to(config.site_dir):
            return path.relative_to(config.site_dir).as_posix()
        theme = theme_dir()
        if path.is_relative_to(theme):
            return f"site_builder/templates/{path.relative_to(theme).as_posix()}"
    return filename
