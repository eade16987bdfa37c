using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Pure decisions about an issuer's spec: which branch handles it, and the readiness of the trivial kinds.</summary>
public static class IssuerReadinessRules
{
    public const string SelfSignedReadyMessage = "The self-signed issuer is ready";

    /// <summary>The single configured issuer type; <see cref="IssuerType.Invalid"/> when none or several are set.</summary>
    public static IssuerType Classify(IssuerSpec? spec)
    {
        if (spec is null)
        {
            return IssuerType.Invalid;
        }

        var count = (spec.Acme is null ? 0 : 1) + (spec.Ca is null ? 0 : 1) + (spec.SelfSigned is null ? 0 : 1);
        if (count != 1)
        {
            return IssuerType.Invalid;
        }

        return spec.Acme is not null ? IssuerType.Acme : spec.Ca is not null ? IssuerType.Ca : IssuerType.SelfSigned;
    }

    /// <summary>Readiness of the branches that need no I/O; null for ACME and CA, which must look further.</summary>
    public static IssuerReadiness? Immediate(IssuerType type) => type switch
    {
        IssuerType.SelfSigned => IssuerReadiness.Ready(ConditionReasons.IsReady, SelfSignedReadyMessage),
        IssuerType.Invalid => IssuerReadiness.NotReady(
            ConditionReasons.ErrInitIssuer, "exactly one of spec.acme, spec.ca or spec.selfSigned must be set"),
        _ => null,
    };

    /// <summary>
    /// Validates spec.acme.server: an absolute http(s) URL. Returns the URI, or null with <paramref name="error"/> set.
    /// </summary>
    public static Uri? ParseServerUrl(string? server, out string? error)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            error = "spec.acme.server is empty";
            return null;
        }

        if (!Uri.TryCreate(server.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"spec.acme.server '{server}' is not an absolute http(s) URL";
            return null;
        }

        error = null;
        return uri;
    }
}
