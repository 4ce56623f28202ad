"""`kill -9` in the middle of a burst of saves loses no save that was answered with success,
and the database opens afterwards."""
import http.client
import re
import sqlite3
import threading
import time


def csrf_cookie(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    return re.search(r"tp_csrf=([0-9a-f]{64})", cookie).group(1)


def save_function(port, token, title):
    """One save through the form, as a browser sends it; True when answered with success."""
    body = f"csrf={token}&title={title}&hours=36&role-strateeg=strateeg"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/teams/1/functions", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"tp_csrf={token}"})
    response = connection.getresponse()
    response.read()
    return response.status == 303


def test_kill_9_during_a_burst_of_saves_loses_no_acknowledged_save(start_server, tmp_path):
    database = tmp_path / "burst.sqlite"
    server = start_server(database)
    token = csrf_cookie(server.port)
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(number):
        count = 0
        while not stop.is_set():
            title = f"Burst-{number}-{count}"
            count += 1
            try:
                if save_function(server.port, token, title):
                    with lock:
                        acknowledged.append(title)
            except OSError:
                return  # the server is gone

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    # Kill once saves are flowing, so that some are surely in flight.
    deadline = time.time() + 20
    while len(acknowledged) < 40 and time.time() < deadline:
        time.sleep(0.01)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    assert len(acknowledged) >= 40, "the burst did not get going"

    # The file opens and is whole.
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in connection.execute("SELECT title FROM functions WHERE team_id = 1")}
    lost = [title for title in acknowledged if title not in stored]
    assert not lost, f"{len(lost)} acknowledged saves lost, e.g. {lost[:5]}"

    # And the server starts on it again and shows them.
    again = start_server(database)
    connection = http.client.HTTPConnection("127.0.0.1", again.port, timeout=10)
    connection.request("GET", "/api/teams/1")
    document = connection.getresponse().read().decode()
    assert all(f'"{title}"' in document for title in acknowledged[-5:])
