using System.Security.Cryptography;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Revocation by account key and by certificate key, checked through Pebble's management API.</summary>
public sealed class PebbleRevocationTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>
{
    [SkippableTheory]
    [InlineData(false, 4)] // superseded, signed with the account key (kid)
    [InlineData(true, 1)]  // keyCompromise, signed with the certificate key (jwk)
    public async Task Revoked_certificate_is_reported_revoked_with_the_reason(bool signWithCertificateKey, int reason)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = pebble.CreateHttpClient();
        using var accountKey = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, accountKey);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("revoke"));
        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificateSigner = JwsSigners.FromKey(leafKey);
        var issued = await new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
            new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cts.Token);
        var serial = issued.Certificate.Leaf.SerialNumber;
        Assert.Equal("Valid", (await pebble.GetCertStatusAsync(serial, cts.Token)).Status);

        await client.RevokeCertificateAsync(issued.Certificate.Leaf.RawData, reason, signWithCertificateKey ? certificateSigner : null, cts.Token);

        var status = await pebble.GetCertStatusAsync(serial, cts.Token);
        Assert.Equal("Revoked", status.Status);
        Assert.Equal(reason, status.Reason);
        var again = await Assert.ThrowsAnyAsync<AcmeProtocolException>(
            () => client.RevokeCertificateAsync(issued.Certificate.Leaf.RawData, reason, null, cts.Token));
        Assert.True(again.IsAlreadyRevoked, again.Message);
    }
}
