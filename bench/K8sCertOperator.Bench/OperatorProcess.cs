using System.Globalization;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// The built k8s-cert-operator as a separate process against a kubeconfig, with its CPU time and memory read
/// from /proc (utime+stime, VmRSS, VmHWM) so the numbers are the operator's alone, not the bench's.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private static readonly double ClockTicksPerSecond = ReadClockTicks();
    private readonly ExternalProcess _process;
    private readonly HttpClient _http;

    private OperatorProcess(ExternalProcess process, int monitoringPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{monitoringPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Id => _process.Id;

    public string Output => _process.Output;

    /// <summary>Starts the operator (<see cref="OperatorBinary"/>) with the image's environment, watching all namespaces, and waits for /readyz.</summary>
    public static Task<OperatorProcess> StartAsync(string kubeconfig, string ns, int http01Port, IEnumerable<string> extraArgs, CancellationToken ct)
    {
        var port = FreePort.Next();
        return StartAsync(kubeconfig, ns, (http01Port, port, port), extraArgs, ct);
    }

    /// <summary>As above with metrics and health on ports of their own, as in the chart (this process's client uses the health port).</summary>
    public static async Task<OperatorProcess> StartAsync(
        string kubeconfig, string ns, (int Http01, int Metrics, int Health) ports, IEnumerable<string> extraArgs, CancellationToken ct)
    {
        var (binary, prefix) = OperatorBinary.Resolve();
        var port = ports.Health;
        string[] args =
        [
            .. prefix,
            "--kubeconfig", kubeconfig, "--namespace", ns, "--leader-elect=false",
            "--http01-listen", $"127.0.0.1:{ports.Http01}", "--http01-self-check=false",
            "--metrics-listen", $"127.0.0.1:{ports.Metrics}", "--health-listen", $"127.0.0.1:{port}", "--log-level", "Warning",
            .. extraArgs,
        ];
        var process = new OperatorProcess(ExternalProcess.Start(binary, args, OperatorBinary.ImageEnvironment()), port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process._process.HasExited)
        {
            try
            {
                if ((await process._http.GetAsync(new Uri("/readyz", UriKind.Relative), ct)).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        var output = process.Output;
        await process.DisposeAsync();
        throw new InvalidOperationException("operator did not become ready:\n" + output);
    }

    /// <summary>User + system CPU seconds so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    /// <summary>Current resident set in MB.</summary>
    public double RssMb() => StatusKb("VmRSS") / 1024.0;

    /// <summary>Peak resident set (high-water mark) in MB.</summary>
    public double PeakRssMb() => StatusKb("VmHWM") / 1024.0;

    /// <summary>Everything the operator exports on /metrics now (its --metrics-listen port), parsed.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(CancellationToken ct) =>
        PrometheusExposition.Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).ConfigureAwait(false));

    /// <summary>
    /// Where the resident set lives (/proc/PID/status): anonymous (GC heap, native heaps, stacks), file-backed
    /// (the executable, shared libraries and, for a JIT build, the framework's images) and shared memory (a JIT
    /// build under W^X maps its executable memory, stubs and JIT-compiled code, through a memfd), and the thread count.
    /// </summary>
    public string Breakdown() => string.Create(CultureInfo.InvariantCulture,
        $"anon {StatusKb("RssAnon") / 1024.0:F1} + file {StatusKb("RssFile") / 1024.0:F1} + shmem {StatusKb("RssShmem") / 1024.0:F1} MB, threads {StatusKb("Threads")}");

    /// <summary>The runtime's own memory figures from /metrics (managed heap vs the rest of RSS).</summary>
    public async Task<string> MemoryMetricsAsync(CancellationToken ct)
    {
        var text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).ConfigureAwait(false);
        var wanted = new[] { "dotnet_total_memory_bytes", "process_private_memory_bytes", "process_working_set_bytes", "process_num_threads" };
        return string.Join(", ", text.Split('\n')
            .Where(l => wanted.Any(w => l.StartsWith(w + " ", StringComparison.Ordinal)))
            .Select(l => l.Split(' ') is [var name, var value] && double.TryParse(value, CultureInfo.InvariantCulture, out var v)
                ? name.Contains("threads", StringComparison.Ordinal) ? $"{name}={v:F0}" : $"{name}={v / (1024 * 1024):F1}MB"
                : l));
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = System.Diagnostics.Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            await term!.WaitForExitAsync().ConfigureAwait(false);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!_process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private long StatusKb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    private static double ReadClockTicks()
    {
        try
        {
            using var getconf = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var text = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
