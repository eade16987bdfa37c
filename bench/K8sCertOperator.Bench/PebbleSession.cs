using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// `pebble`: starts the benchmarks' Pebble (VA sleeps off) and keeps it up until stdin closes, so one
/// command can be timed or traced by hand (for example `certify -v` to see where a run's time goes).
/// </summary>
public static class PebbleSession
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (ExternalTool.MissingReason("pebble", "pebble") is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false }, cancellationToken);
        var caBundle = Path.Combine(Path.GetTempPath(), $"k8scert-pebble-{Environment.ProcessId}.pem");
        await File.WriteAllTextAsync(caBundle, pebble.TlsCaPem, cancellationToken);
        Console.WriteLine($"directory {pebble.DirectoryUrl}");
        Console.WriteLine($"ca-bundle {caBundle}");
        Console.WriteLine($"http01-listen 127.0.0.1:{pebble.HttpPort}");
        Console.WriteLine("close stdin (Ctrl-D) to stop");
        await Console.In.ReadToEndAsync(cancellationToken);
        File.Delete(caBundle);
        return 0;
    }
}
