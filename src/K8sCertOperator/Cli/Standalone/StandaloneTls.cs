using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>TLS trust for the ACME server from the standalone commands' --ca-bundle / --insecure-skip-verify.</summary>
public static class StandaloneTls
{
    public static AcmeTlsOptions From(string? caBundleFile, bool insecureSkipVerify) =>
        caBundleFile is { } bundle
            ? AcmeTlsOptions.FromCaBundleFile(bundle) with { InsecureSkipVerify = insecureSkipVerify }
            : new AcmeTlsOptions { InsecureSkipVerify = insecureSkipVerify };
}
