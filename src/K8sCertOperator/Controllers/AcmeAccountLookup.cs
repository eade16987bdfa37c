using K8sCertOperator.Acme;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers;

/// <summary>Result of an account look-up: a ready client, or the reason there is none yet.</summary>
public sealed record AcmeAccountLookup(IAcmeClient? Client, IGenericIssuer? Issuer, string? NotReadyReason)
{
    public bool IsReady => Client is not null && Issuer is not null;

    public static AcmeAccountLookup Ready(IAcmeClient client, IGenericIssuer issuer) => new(client, issuer, null);

    public static AcmeAccountLookup NotReady(string reason, IGenericIssuer? issuer = null) => new(null, issuer, reason);
}
