"""The SDK installed with the package: build examples/plugin out of tree against it, then load the result
from Python and from the command line."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import incidentkit
from conftest import ROOT, run_cli

TOOLS = Path(sys.executable).parent


def _tool(name):
    found = TOOLS / name
    return str(found) if found.exists() else shutil.which(name)


@pytest.fixture(scope="module")
def curfews_plugin(tmp_path_factory):
    cmake, ninja = _tool("cmake"), _tool("ninja")
    if not cmake or not ninja or not (shutil.which("c++") or shutil.which("g++")):
        pytest.skip("cmake, ninja or a C++ compiler missing")
    build = tmp_path_factory.mktemp("curfews")
    subprocess.run([cmake, "-S", ROOT / "examples" / "plugin", "-B", build, "-G", "Ninja",
                    f"-DCMAKE_MAKE_PROGRAM={ninja}", f"-Dincidentkit_DIR={incidentkit.get_cmake_dir()}"],
                   check=True, capture_output=True, timeout=600)
    subprocess.run([cmake, "--build", build], check=True, capture_output=True, timeout=600)
    (plugin,) = build.glob("curfews.so")
    return plugin


def test_installed_sdk_headers_and_cmake_package_exist():
    assert (Path(incidentkit.get_include()) / "incidentkit" / "sdk.hpp").is_file()
    assert (Path(incidentkit.get_include()) / "incidentkit" / "plugin_abi.h").is_file()
    assert (Path(incidentkit.get_cmake_dir()) / "incidentkitConfig.cmake").is_file()


def test_out_of_tree_plugin_loads_and_runs(curfews_plugin):
    pipe = incidentkit.Pipeline(plugins=[curfews_plugin])
    assert "curfews.v1" in pipe.extractors
    assert pipe.extractors.index("curfews.v1") < pipe.extractors.index("incidents.v1")
    text = "Authorities imposed a curfew in Goma after gunmen killed 4 civilians on 2 March 2021."
    mentions = [m for m in pipe.annotate(text) if m["extractor"] == "curfews.v1"]
    assert mentions and mentions[0]["text"].lower() == "curfew"
    listed = run_cli("plugins", "--plugin", curfews_plugin, check=True).stdout.decode()
    row = next(line for line in listed.splitlines() if line.startswith("curfews.v1"))
    assert str(curfews_plugin) in row
