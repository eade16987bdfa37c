using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Policies;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>
/// `certify renew`: safe to run from cron or a systemd timer. Reads the installed certificate, asks the CA for
/// its ARI window when the directory offers renewalInfo, and orders only when <see cref="CertifyRenewalPolicy"/>
/// says it is due, sending `replaces` (RFC 9773 §5) where ARI is offered. The new files replace the old as one
/// set (<see cref="AtomicFileSet"/>); the deploy hook runs once after that. Exit codes: <see cref="ExitCodes.Renewed"/>,
/// <see cref="ExitCodes.NotDue"/>, <see cref="ExitCodes.Failed"/> (<see cref="ExitCodes.Usage"/> for a bad command line).
/// </summary>
public static class CertifyRenewRunner
{
    /// <param name="files">Writes the output folder; null for the real one (tests hand in one that fails on cue).</param>
    public static async Task<int> RunAsync(RenewOptions options, TextWriter stdout, TextWriter stderr, ILoggerFactory? logs,
        CancellationToken cancellationToken, AtomicFileSet? files = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var certify = options.Certify;
        var usageError = CertifyRunner.Validate(certify)
            ?? (options.DeployHook is { } hook && string.IsNullOrWhiteSpace(hook) ? "--deploy-hook needs a command" : null);
        if (usageError is not null)
        {
            await stderr.WriteLineAsync("error: " + usageError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(certify.RunTimeout);
        try
        {
            var (current, leaf, problem) = InstalledCertificateReader.Read(certify.OutputDirectory);
            using (leaf)
            using (var session = new CertifySession(certify, logs) { Out = stdout })
            {
                var ari = leaf is null ? default : await AskCaAsync(session, leaf, stderr, timeout.Token).ConfigureAwait(false);
                var decision = CertifyRenewalPolicy.Decide(new RenewalCheck
                {
                    Now = options.Now ?? DateTimeOffset.UtcNow,
                    WantedNames = certify.Domains,
                    Current = current,
                    Problem = problem,
                    SuggestedWindow = ari.Window,
                });
                if (!decision.Due)
                {
                    await stdout.WriteLineAsync("not due: " + decision.Reason).ConfigureAwait(false);
                    return ExitCodes.NotDue;
                }
                await stdout.WriteLineAsync("renewing: " + decision.Reason).ConfigureAwait(false);
                var replaces = ari.Offered && leaf is not null ? CertId(leaf) : null;
                var (issued, replaced) = await IssueAsync(session, replaces, files ?? new AtomicFileSet(), stderr, timeout.Token).ConfigureAwait(false);
                await stdout.WriteLineAsync(CertifyRunner.Issued(issued, certify) + (replaced is null ? string.Empty : $"; replaces {replaced}")).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        return await RunHookAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    // A renewal whose files could not be written was still issued, and the CA counts the old certificate as
    // replaced: the next run's `replaces` is then refused with alreadyReplaced (RFC 9773 §5). Order without it.
    private static async Task<(Pki.CertificateInfo Issued, string? Replaced)> IssueAsync(CertifySession session, string? replaces, AtomicFileSet files,
        TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return (await session.IssueAsync(replaces, files, cancellationToken).ConfigureAwait(false), replaces);
        }
        catch (AcmeProtocolException e) when (replaces is not null && e.Is(AcmeProblemTypes.AlreadyReplaced))
        {
            await stderr.WriteLineAsync($"warning: the CA says {replaces} was already replaced ({e.Detail}); ordering without replaces").ConfigureAwait(false);
            return (await session.IssueAsync(null, files, cancellationToken).ConfigureAwait(false), null);
        }
    }

    private static async Task<int> RunHookAsync(RenewOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.DeployHook is not { } hook)
        {
            return ExitCodes.Renewed;
        }
        string failure;
        try
        {
            var code = await DeployHook.RunAsync(hook, options.Certify, stdout, stderr, cancellationToken).ConfigureAwait(false);
            if (code == 0)
            {
                return ExitCodes.Renewed;
            }
            failure = string.Create(CultureInfo.InvariantCulture, $"exited with {code}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            failure = "could not run: " + e.Message;
        }
        await stderr.WriteLineAsync($"error: the certificate was renewed, but --deploy-hook {failure}; the next run will not run it again").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    /// <summary>Whether the CA offers ARI and, if it answered, its window. An ARI failure falls back to the two-thirds rule.</summary>
    private static async Task<(bool Offered, AriWindow? Window)> AskCaAsync(CertifySession session, X509Certificate2 leaf, TextWriter stderr, CancellationToken cancellationToken)
    {
        var directory = await session.GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory.RenewalInfo is null)
        {
            return (false, null);
        }
        try
        {
            var info = await session.GetRenewalInfoAsync(leaf, cancellationToken).ConfigureAwait(false);
            return (true, info?.SuggestedWindow is { } w ? new AriWindow(w.Start, w.End) : null);
        }
        catch (Exception e) when (e is AcmeProtocolException or HttpRequestException or ArgumentException)
        {
            await stderr.WriteLineAsync("warning: no renewal information from the CA (" + e.Message + "); using two thirds of the lifetime").ConfigureAwait(false);
            return (true, null);
        }
    }

    private static string? CertId(X509Certificate2 leaf)
    {
        try
        {
            return RenewalCertId.Compute(leaf);
        }
        catch (ArgumentException)
        {
            // No authority key identifier: the CA cannot link the orders, so order without `replaces`.
            return null;
        }
    }
}
