"""`teamplotter serve` starts, warns when it is reachable from elsewhere, and stops cleanly on
Ctrl-C (SIGINT) and SIGTERM."""
import http.client
import signal
import subprocess

from conftest import Server, teamplotter_bin


def answers(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/roles")
    return connection.getresponse().status


def test_sigterm_and_sigint_stop_the_server_cleanly(tmp_path):
    for number in (signal.SIGTERM, signal.SIGINT):
        server = Server(tmp_path / f"stop-{number}.sqlite")
        assert answers(server.port) == 200
        server.process.send_signal(number)
        try:
            assert server.process.wait(timeout=10) == 0
        except subprocess.TimeoutExpired:
            server.process.kill()
            raise
        assert "Teamplotter is gestopt." in server.process.stdout.read()
        assert server.process.stderr.read() == "", "no warning on loopback"


def test_binding_beyond_loopback_warns_plainly(tmp_path):
    process = subprocess.Popen(
        [teamplotter_bin(), "serve", "--host", "0.0.0.0", "--port", "0", "--db", str(tmp_path / "open.sqlite")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "http://0.0.0.0:" in process.stdout.readline()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0
    warning = process.stderr.read()
    assert "LET OP" in warning and "iedereen" in warning


def test_a_bad_host_or_port_is_a_usage_error(tmp_path):
    for arguments in (["--host", "example.org", "--port", "0"], ["--port", "99999"]):
        result = subprocess.run(
            [teamplotter_bin(), "serve", *arguments, "--db", str(tmp_path / "x.sqlite")],
            capture_output=True, text=True, timeout=20)
        assert result.returncode != 0, arguments
        assert result.stderr.strip(), arguments
