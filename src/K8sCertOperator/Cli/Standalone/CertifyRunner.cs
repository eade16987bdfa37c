using System.Globalization;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>`certify`: one certificate from an ACME server into a folder, with no cluster.</summary>
public static class CertifyRunner
{
    public static async Task<int> RunAsync(CertifyOptions options, TextWriter stdout, TextWriter stderr, ILoggerFactory? logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Validate(options) is { } usageError)
        {
            await stderr.WriteLineAsync("error: " + usageError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RunTimeout);
        try
        {
            using var session = new CertifySession(options, logs) { Out = stdout };
            var issued = await session.IssueAsync(null, new AtomicFileSet(), timeout.Token).ConfigureAwait(false);
            await stdout.WriteLineAsync(Issued(issued, options)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>The line certify prints after writing a certificate.</summary>
    public static string Issued(Pki.CertificateInfo info, CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture,
            $"issued serial {info.SerialNumberHex} for {string.Join(',', options.Domains)}, valid until {info.NotAfter:u}; wrote {options.OutputDirectory}/{CertificateFiles.Certificate}, {CertificateFiles.Key}, {CertificateFiles.Ca}");
    }

    /// <summary>Usage problems found before any network call; null when the options are usable.</summary>
    public static string? Validate(CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Domains.Count == 0)
        {
            return "at least one -d/--domain is required";
        }
        if (KeyTypes.Parse(options.KeyType) is null)
        {
            return $"unknown --key-type '{options.KeyType}' (one of {string.Join(", ", KeyTypes.Names)})";
        }
        if (options.Dns01Rfc2136 is not null && options.Dns01Config is not null)
        {
            return "give either --dns01-rfc2136 or --dns01-config, not both";
        }
        if (string.IsNullOrWhiteSpace(options.Http01Listen) && !options.HasDns01 && !options.PublishesByHand)
        {
            return "give --http01-listen ADDR:PORT and/or --dns01-rfc2136 HOST:PORT or --dns01-config FILE to answer challenges";
        }
        if (!string.IsNullOrWhiteSpace(options.Http01Listen) && !ListenAddress.TryParse(options.Http01Listen, out _, out var listenError))
        {
            return "--http01-listen: " + listenError;
        }
        if (ChallengeProblem(options) is { } challengeError)
        {
            return challengeError;
        }
        if (options.Profile is { } profile && string.IsNullOrWhiteSpace(profile))
        {
            return "--profile needs a profile name";
        }
        if (options.CaBundleFile is { } bundle && !File.Exists(bundle))
        {
            return $"--ca-bundle file '{bundle}' does not exist";
        }
        if (options.ExternalAccountBinding is { } eab)
        {
            try
            {
                eab.DecodeMacKey();
            }
            catch (FormatException e)
            {
                return "--eab-hmac-key-file: " + e.Message;
            }
        }
        return null;
    }

    private static string? ChallengeProblem(CertifyOptions options)
    {
        var wildcard = options.Domains.Any(d => d.StartsWith("*.", StringComparison.Ordinal));
        if (options.Challenge is null)
        {
            return wildcard && !options.HasDns01 ? "wildcard names can only be validated with DNS-01: add --dns01-rfc2136 or --dns01-config" : null;
        }
        var (type, error) = CertifyChallenges.Parse(options.Challenge);
        return type switch
        {
            null => error,
            AcmeChallenge.Http01 when string.IsNullOrWhiteSpace(options.Http01Listen) => "--challenge http-01 needs --http01-listen ADDR:PORT",
            AcmeChallenge.Http01 when wildcard => "wildcard names can only be validated with DNS-01, not --challenge http-01",
            AcmeChallenge.Dns01 or AcmeChallenge.DnsAccount01 when !options.HasDns01 => $"--challenge {type} needs --dns01-rfc2136 HOST:PORT or --dns01-config FILE",
            AcmeChallenge.DnsPersist01 when options.DnsPersistWait <= TimeSpan.Zero => "--dns-persist-wait must be positive",
            _ when type != AcmeChallenge.DnsPersist01 && (options.DnsPersistIssuerDomainName is not null || options.DnsPersistUntil is not null) =>
                "--dns-persist-issuer and --dns-persist-until only apply to --challenge dns-persist-01",
            _ => null,
        };
    }
}
