using System.Diagnostics;

namespace K8sCertOperator.Tests.Pki;

/// <summary>Runs the openssl CLI for interop checks; tests skip when it is not installed.</summary>
internal static class OpenSsl
{
    private static readonly string? Path = new[] { "/usr/bin/openssl", "/usr/local/bin/openssl" }.FirstOrDefault(File.Exists);

    public static string? MissingReason => Path is null ? "openssl is not installed (apt-get install -y openssl)" : null;

    /// <summary>Runs openssl in <paramref name="workDir"/>; returns (exit code, stdout + stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workDir, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo(Path!)
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
