using System.Diagnostics;

namespace K8sCertOperator.TestSupport;

/// <summary>Runs an installed command-line tool (openssl, keytool) and collects its output.</summary>
internal static class ToolRunner
{
    /// <summary>Runs <paramref name="path"/> in <paramref name="workDir"/>; returns (exit code, stdout + stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string path, string workDir, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2)); // generous: the machine is shared and loaded
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
