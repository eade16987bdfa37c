using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers;

/// <summary>
/// Hands out an ACME client bound to the registered account of an ACME Issuer/ClusterIssuer.
/// The Issuer controller registers accounts; Order and Challenge controllers only look up.
/// </summary>
public interface IAcmeAccountRegistry
{
    /// <summary>
    /// The account for <paramref name="issuerRef"/> as seen from <paramref name="namespace"/>
    /// (where a namespaced Issuer lives). Never throws for "not ready": the result says why.
    /// </summary>
    Task<AcmeAccountLookup> GetAsync(ObjectReference issuerRef, string @namespace, CancellationToken cancellationToken);
}
