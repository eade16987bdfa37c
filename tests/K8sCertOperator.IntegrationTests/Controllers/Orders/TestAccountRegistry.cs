using K8sCertOperator.Acme;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>
/// Stands in for the Issuer controller's account registry: one real ACME client registered at Pebble, handed out for
/// any Issuer that exists in the API (our own interface, so no ACME behaviour is faked).
/// </summary>
internal sealed class TestAccountRegistry(IAcmeClient client, IResourceApi<Issuer> issuers) : IAcmeAccountRegistry
{
    public async Task<AcmeAccountLookup> GetAsync(ObjectReference issuerRef, string @namespace, CancellationToken cancellationToken)
    {
        var issuer = await issuers.GetAsync(@namespace, issuerRef.Name, cancellationToken).ConfigureAwait(false);
        return issuer is null
            ? AcmeAccountLookup.NotReady($"Issuer {@namespace}/{issuerRef.Name} not found")
            : AcmeAccountLookup.Ready(client, issuer);
    }
}
