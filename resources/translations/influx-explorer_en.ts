<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one server URL is needed, e.g. http://localhost:8086.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is needed for username and password authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeout must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chunk size must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must not contain control characters, line breaks or invalid Unicode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::BatchPage</name>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the good lines and keep the bad ones in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Line Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line protocol (*.lp *.line *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for the editor (%2 MiB at most); import it with influx-explorer --import instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 (%2 lines). Ctrl+Z brings the previous text back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: bad lines: %1. Fix them, or tick &quot;Skip bad lines&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the text has no data lines to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 (was %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines %1–%2 (were %3–%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and more lines not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written by the last write (line numbers in the editor now; &quot;was&quot;: before the write):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the editor is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dropped by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 maybe dropped by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in failed batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped (bad lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled while being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 left in the editor: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial write: the server dropped 1 point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial write: the server dropped %1 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad lines: %1. Writing skips them; they stay in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad lines: %1. Fix them, or tick &quot;Skip bad lines&quot; to write the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the bad lines or skip them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid UTF-8 (the bad bytes show as �): lines %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines %1–%2: %3. Sending them again in %4 s (attempt %5 of %6)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 batch was sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches were sent again %1 times.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::BatchWriter</name>
    <message>
        <source>not sent: the write was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: an earlier batch failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while being sent: the server may have stored it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not written: the server rejected the whole batch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe not written: the server rejected lines of this batch that could not be matched: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::BuilderSchemaLoader</name>
    <message>
        <source>Loading the database %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the keys of %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the values of the tag %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ChartAxes</name>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ChartData</name>
    <message>
        <source>no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed types</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ChartPanel</name>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole time range (double-click, Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run the query at this interval; paused while zoomed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numeric fields to chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first %1 of %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-refresh paused (zoomed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::CommandLine</name>
    <message>
        <source>Print the server&apos;s version (GET /ping).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run InfluxQL (one or several &apos;;&apos;-separated statements) and print the result on standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the line protocol in &lt;file&gt; (&apos;-&apos; for standard input) in batches. Blank lines and lines starting with &apos;#&apos; are skipped; CRLF line ends are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of line protocol per write request for --import (default 50000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a private influxd on a free 127.0.0.1 port with a temporary directory, load the demo data set (about 415,000 points in the databases &quot;demo&quot;, &quot;iot&quot; and &quot;shop&quot;) and use it as the server, with &quot;demo&quot; as the default database. With --ping, --execute or --import the server is stopped when that is done; without a mode the window opens on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo server as --demo does, print its URL alone on the first line of standard output and keep serving until SIGINT (Ctrl+C) or SIGTERM; the data is removed then. Combines with no other mode and not with --url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format of --execute: column (default; the influx shell&apos;s table), csv (the influx shell&apos;s CSV) or json (one JSON value: null, a series object, an array of series objects, or an array of arrays for several statements).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL of the server, e.g. http://127.0.0.1:8086 (default http://localhost:8086). Repeat for failover: the URLs are tried in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database for queries and writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name (HTTP Basic authentication). Default: $INFLUX_USERNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password. Default: $INFLUX_PASSWORD, which keeps it out of the process list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token for InfluxDB 2.x/3.x&apos;s v1 API (&quot;Authorization: Token&quot;); wins over user name and password. Default: $INFLUX_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention policy for writes and queries (&quot;rp&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write consistency (InfluxEnterprise): any, one, quorum or all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision of the timestamps in --import&apos;s line protocol: n, u, ms, s, m or h (default n, nanoseconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return times as integers in this unit (n, u, ms, s, m or h) instead of RFC 3339 strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per chunk of a query response (default: the server&apos;s, 10000). Responses are always chunked and decoded as they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gzip for results and large writes: auto (the default: gzip except for a server on loopback, where it only costs time), gzip or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up when the server does not answer, or a response stalls, for this long (default 60; 0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: influx-explorer [--demo] [--ping | --execute &lt;query&gt; | --import &lt;file&gt;] [options]
       influx-explorer --serve-demo

</source>
        <extracomment>Keep the lines within 78 columns.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influx Explorer&apos;s headless mode: a command line client for InfluxDB 1.x (and the v1 API of InfluxDB 2.x/3.x) that needs no display. At most one of --ping, --execute, --import and --serve-demo runs per invocation; --demo combines with the first three. Without any of them influx-explorer opens its window (on the demo server with --demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modes and output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Output:
  Results go to standard output and nothing else does: warnings that the
  server attached to a statement (&quot;warning: &lt;text&gt;.&quot;), statement errors
  (&quot;ERR: statement &lt;n&gt;: &lt;message&gt;&quot;, n counting from 0 like the server&apos;s
  statement_id), import progress and summaries go to standard error. The
  import progress line is shown only when standard error is a terminal.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Environment:
  INFLUX_USERNAME   user name when --username is not given
  INFLUX_PASSWORD   password when --password is not given
  INFLUX_TOKEN      API token when --token is not given
  INFLUXD           the influxd that --demo starts (default /usr/bin/influxd)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit status:
  0  success
  1  any error: the server could not be reached or answered with an error, a
     statement failed, a batch of --import was rejected (the others are still
     written); the message is on standard error
  2  usage error: unknown or missing flags or values, an invalid option value
     (e.g. --epoch x), an unknown --format, several modes at once
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (queries go after --execute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 was given more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--execute needs a query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--import needs a file name or &apos;-&apos; for standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be combined: choose one mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--batch-size must be a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json, csv or column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts its own server: it cannot be combined with --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--chunk-size must be a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a non-negative whole number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --import: write every data line that was not written to &lt;file&gt; (created or truncated), so that it can be fixed and imported again: the lines of failed batches, the lines a partial write rejected, and all input after a failure that stopped the import. Left empty when every point is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a write again, up to &lt;n&gt; times (0 to 100; default 0), when no server can be reached, none answers in time or the answer is a server error (HTTP 429 or 5xx), waiting 0.5 s, 1 s, 2 s ... between attempts. Rejected data is never sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest wait between two attempts of --retries (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Examples:
  influx-explorer --url http://127.0.0.1:8086 --ping
  influx-explorer -d telegraf -e &apos;SELECT mean(usage_idle) FROM cpu
      WHERE time &gt; now() - 1h GROUP BY time(10m), host&apos; --format csv
  influx-explorer -d mydb --precision s --import metrics.lp
  influx-explorer -d mydb --import metrics.lp --retries 5 --failed-lines left.lp
  gzip -dc metrics.lp.gz | influx-explorer -d mydb --import -
  influx-explorer --demo -e &apos;SHOW MEASUREMENTS&apos; --format json
  influx-explorer --serve-demo    # a demo server until Ctrl+C
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--failed-lines goes with --import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--failed-lines needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retries must be a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retry-max-delay must be a number of seconds from 0.001 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--database needs a name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ConnectionDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test c&amp;onnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available: the password is kept for this session only and will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pings the server; with a database or credentials also runs a query, since only a query checks them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ConnectionManager</name>
    <message>
        <source>There is no connection profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ConnectionMenu</name>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;demo server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a private InfluxDB on 127.0.0.1 with sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password or token of &quot;%1&quot; is not stored (no keychain is available).
It is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ConnectionStatus</name>
    <message>
        <source>No connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — InfluxDB %3 — %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ConnectionTester</name>
    <message>
        <source>InfluxDB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InfluxDB %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1, %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::FieldSelectionRow</name>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field key; * selects every field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentile, 0-100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column name (AS); empty: the function&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::GroupByEditor</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range divided by the chart&apos;s width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10m, 1h30m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One series per combination of the checked tags&apos; values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: leave empty intervals out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::Headless</name>
    <message>
        <source>Starting a private influxd with the demo data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the demo server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the demo data failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server %1 is ready: %2 points in databases %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving until SIGINT (Ctrl+C) or SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>influxd stopped (exit code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the demo server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;influx-explorer --help&apos; for the options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::HistoryPanel</name>
    <message>
        <source>Use in Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::Importer</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 (lines %2-%3) failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected lines: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines, %2 points/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written in %2, %3 failed (%4 lines read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import stopped: the input after line %1 was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import stopped: the input was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… (%1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not valid UTF-8: not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 (lines %2-%3) failed: %4; sending it again in %5 s (attempt %6 of %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line not written is in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 lines not written are in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the batch was sent and no answer came: the server may have stored it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::LineProtocolChecker</name>
    <message>
        <source>integer %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned integers (%1) are not supported by InfluxDB 1.x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1 is too large for a float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid field value %1 (strings need double quotes; booleans are true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing tag key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing tag value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid tag format: &apos;=&apos; in a tag value must be escaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate tag key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field after &apos;,&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid field format: &apos;=&apos; and a value expected after field key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbalanced quotes: the string has no end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate field key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad timestamp %1: an integer is expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::LineProtocolEditor</name>
    <message>
        <source>Paste line protocol here, or open a file.
measurement,tag=value field=1.5,count=3i,ok=true,note=&quot;text&quot; 1700000000000000000</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::MainWindow</name>
    <message>
        <source>Cannot use connection &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New query tab (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New builder tab: build a query with a form and chart it (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write points by hand or paste line protocol (Ctrl+Shift+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot; before closing it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in %1 s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n point(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Influx Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InfluxQL (*.influxql *.iql *.sql *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New query tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;builder tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Influx Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Influx Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Influx Explorer %1&lt;/h3&gt;&lt;p&gt;A fast, native explorer for InfluxDB 1.x: schema browser, InfluxQL editor and query builder, streaming results, charts and writes.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::PartialWriteResolver</name>
    <message>
        <source>1 point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: the server dropped %1 of this batch without naming them (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: cancelled before the points the server dropped were identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: the server dropped %1 of this batch without naming them (%2), and looking them up failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: the server dropped %1 of this batch without naming them (too many measurements to look up their field types)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by the server: field &quot;%1&quot; was not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: field type conflict: field &quot;%1&quot; is %2 in this line but %3 in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: field &quot;%1&quot; has several types in the database (in different shards), the server dropped points of this batch without naming them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: older than retention policy &quot;%1&quot; keeps data (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: at the limit of what retention policy &quot;%1&quot; keeps (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maybe dropped: the server dropped %1 of this batch, only %2 could be matched to lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::PointForm</name>
    <message>
        <source>%1 is too large for a float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (e.g. 1.5, -2, 3e8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of the 64-bit integer range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a boolean: enter true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Now (the server&apos;s clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line protocol sent appears here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Measurement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nanoseconds after the second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag key is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag key &quot;%1&quot; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; has no value (InfluxDB has no empty tag values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field key is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field key &quot;%1&quot; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a measurement name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision &quot;%1&quot; cuts the time to whole units: the finer digits are not written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::PreferencesDialog</name>
    <message>
        <source>&amp;UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 3339</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch nanoseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current time in the chosen format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A query that returns more rows pauses and asks before fetching the rest. 0 = never ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Row limit:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ProfileForm</name>
    <message>
        <source>Nanoseconds (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microseconds (u)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One server URL per line (http:// or https://). They are tried in order: when a server cannot be reached the next one is used (failover), and the one that answered is tried first next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default database of queries and writes (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as &quot;Authorization: Token ...&quot; (InfluxDB 2.x and 3.x through their 1.x API).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck only for test servers with self-signed certificates: the connection is then open to interception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file with CA certificates trusted in addition to the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write consistency (InfluxDB Enterprise clusters only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (nanoseconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The precision of timestamps in written line protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 3339 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How query results carry their times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (gzip, except on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gzip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gzip for results and large writes. It saves time over a network link and costs time on a server on this computer; choose gzip for an SSH tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per chunk of a streamed result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait for a response, or for more of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URLs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ser name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consistency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query &amp;epoch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpression:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hunk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryBuilderForm</name>
    <message>
        <source>Open in Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this query as text in a query tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InfluxQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select from every measurement matching the pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without fields the query selects *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions are combined with AND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many points per series (LIMIT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many series (SLIMIT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC (e.g. Europe/Helsinki)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryEditor</name>
    <message>
        <source>measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>function</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryFile</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a query file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is too large for the query editor (%2 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InfluxQL queries (*.influxql *.sql *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryHistoryModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryPage</name>
    <message>
        <source>The database queries run against (the &quot;db&quot; parameter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selection or the statement under the cursor (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every statement in the editor (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::QueryStatusStrip</name>
    <message>
        <source>Cancel Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current Table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current Table as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Results as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Results as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ResultExporter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ResultPage</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1
Measurement: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · truncated by the server&apos;s row limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ResultTableModel</name>
    <message>
        <source>no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ResultTableView</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy with &amp;Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::ResultsPanel</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at the row limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: OK (no rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1: not executed (an earlier statement failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more series are not shown as tabs; export all results to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query was deleted before it finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages (1 error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages (%1 errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::RetentionPolicyDialog</name>
    <message>
        <source>Make it the database&apos;s default policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Retention Policy on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 30d, 12h, INF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. 1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shard duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name and a duration such as 30d.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::RowLimitBar</name>
    <message>
        <source>Fetch All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query returned more than %1 rows so far.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::SchemaBrowser</name>
    <message>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the schema from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop retention policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Retention Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete retention policy %1 of database %2 and all its data?

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SELECT this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SELECT … GROUP BY this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SELECT * … LIMIT 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series cardinality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop measurement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete measurement %1 of database %2 with all its data, in every retention policy?

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create retention policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete database %1 with all its data?

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::SchemaModel</name>
    <message>
        <source>infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration %1, shard group duration %2, replication %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… more (only the first %n values are shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::SecretStore</name>
    <message>
        <source>the keychain did not answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (QtKeychain error %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::SeriesChartView</name>
    <message>
        <source>The chart could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::TagFilterRow</name>
    <message>
        <source>tag key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not match the regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::TimeRangePicker</name>
    <message>
        <source>Last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (inclusive, UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (inclusive, UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::WindowApp</name>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is configured: starting the demo server. Add your servers with Connection ▸ Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the demo data: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the demo data failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::WriteDock</name>
    <message>
        <source>Write data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::WriteOptionsBar</name>
    <message>
        <source>n (nanoseconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>u (microseconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms (milliseconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit of the timestamps written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention policy to write to; empty writes to the database&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write consistency (InfluxDB Enterprise clusters only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention &amp;policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nsistency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a batch again when the server cannot be reached, does not answer in time or answers with a server error (5xx): up to this many times, waiting 0.5 s, 1 s, 2 s … (at most 30 s) in between. Data the server rejects is never sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explorer::WritePanel</name>
    <message>
        <source>&amp;Write Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default retention policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written 1 point to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryBuilderState</name>
    <message>
        <source>Choose a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a measurement pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a measurement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentile must be between 0 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distinct() cannot be combined with other fields or functions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw fields cannot be mixed with functions (only with a single max, min, first, last or percentile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GROUP BY time needs a function on the fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GROUP BY time interval is not a duration (for example 10m or 1h30m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic interval needs a time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill() needs GROUP BY time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fill value must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range must be longer than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Influx Explorer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
