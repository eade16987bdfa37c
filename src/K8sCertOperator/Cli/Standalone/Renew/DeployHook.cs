using System.Diagnostics;

namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>
/// Runs --deploy-hook through /bin/sh after a renewal, with the output folder and names in the environment
/// (CERTIFY_OUT, CERTIFY_DOMAINS) so one hook can serve several certificates. Its output goes to ours.
/// </summary>
public static class DeployHook
{
    public const string OutputVariable = "CERTIFY_OUT";
    public const string DomainsVariable = "CERTIFY_DOMAINS";

    /// <summary>The hook's exit code.</summary>
    public static async Task<int> RunAsync(string command, CertifyOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment[OutputVariable] = Path.GetFullPath(options.OutputDirectory);
        info.Environment[DomainsVariable] = string.Join(' ', options.Domains);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /bin/sh for --deploy-hook");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await stdout.WriteAsync(await output.ConfigureAwait(false)).ConfigureAwait(false);
        await stderr.WriteAsync(await errors.ConfigureAwait(false)).ConfigureAwait(false);
        return process.ExitCode;
    }
}
