using K8sCertOperator.Api;
using K8sCertOperator.Controllers;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>The Certificate controller never talks ACME itself; this registry only satisfies the context.</summary>
internal sealed class NoAcmeAccounts : IAcmeAccountRegistry
{
    public Task<AcmeAccountLookup> GetAsync(ObjectReference issuerRef, string @namespace, CancellationToken cancellationToken) =>
        Task.FromResult(AcmeAccountLookup.NotReady("not used by the Certificate controller tests"));
}
