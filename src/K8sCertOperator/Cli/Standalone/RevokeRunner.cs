using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>`revoke` without a cluster: signed by the account key or by the certificate's own key.</summary>
public static class RevokeRunner
{
    public static async Task<int> RunAsync(RevokeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var reason = RevocationReasons.Parse(options.Reason);
        if (options.Reason is not null && reason is null)
        {
            await stderr.WriteLineAsync($"error: unknown --reason '{options.Reason}' (one of {string.Join(", ", RevocationReasons.Names)} or its code)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (options.CertificateKeyFile is null && options.AccountKeyFile is null)
        {
            await stderr.WriteLineAsync("error: give --key (the certificate's key) or --account-key (the ACME account that ordered it)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            var certificates = PemCodec.DecodeCertificates(await File.ReadAllTextAsync(options.CertificateFile, cancellationToken).ConfigureAwait(false));
            var leaf = certificates[0];
            var tls = StandaloneTls.From(options.CaBundleFile, options.InsecureSkipVerify);
            using var http = AcmeHttpHandlerFactory.CreateClient(tls);
            using var certificateKey = options.CertificateKeyFile is { } keyFile
                ? JwsSigners.FromPrivateKeyPem(await File.ReadAllTextAsync(keyFile, cancellationToken).ConfigureAwait(false))
                : null;
            // With the certificate's key, any throwaway account key will do: the request is jwk-signed.
            using var accountKey = options.AccountKeyFile is { } accountFile ? AccountKeyFile.Load(accountFile) : JwsSigners.CreateEs256();
            var client = new AcmeClient(http, options.Server, accountKey);
            if (certificateKey is null && await client.FindAccountAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await stderr.WriteLineAsync("error: the ACME server knows no account for --account-key").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            await client.RevokeCertificateAsync(leaf.RawData, reason, certificateKey, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"revoked serial {CertificateInfo.FromCertificate(leaf).SerialNumberHex} (reason {reason ?? 0})").ConfigureAwait(false);
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
            return ExitCodes.Ok;
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
