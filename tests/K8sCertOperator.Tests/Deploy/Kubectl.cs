using System.Diagnostics;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>Runs the kubectl binary (kustomize is built in); tests skip with the reason when it is missing.</summary>
internal static class Kubectl
{
    public static string? Path { get; } = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => System.IO.Path.Combine(d, "kubectl")))
        .FirstOrDefault(File.Exists);

    public static string? MissingReason => Path is null ? "kubectl is not installed (apt-get install kubectl, or put it on PATH)" : null;

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DeployFiles.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
