using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Account life cycle against a real Pebble: lookup, key rollover, deactivation, directory meta.</summary>
public sealed class PebbleAccountTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(3));

    [SkippableFact]
    public async Task Directory_meta_is_parsed()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();

        var directory = await pebble.CreateClient(http, key).GetDirectoryAsync(cts.Token);

        Assert.NotNull(directory.NewNonce);
        Assert.NotNull(directory.NewAccount);
        Assert.NotNull(directory.NewOrder);
        Assert.NotNull(directory.RevokeCert);
        Assert.NotNull(directory.KeyChange);
        Assert.False(directory.Meta!.ExternalAccountRequired);
        Assert.StartsWith("data:", directory.Meta.TermsOfService, StringComparison.Ordinal);
        Assert.False(directory.HasProfile("classic"));
    }

    [SkippableFact]
    public async Task An_existing_account_is_found_by_its_key_and_an_unknown_key_finds_none()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var created = await pebble.CreateClient(http, key).NewAccountAsync(["mailto:a@example.com"], true, null, cts.Token);

        var found = await pebble.CreateClient(http, key).FindAccountAsync(cts.Token);
        using var otherKey = JwsSigners.CreateEs256();
        var missing = await pebble.CreateClient(http, otherKey).FindAccountAsync(cts.Token);

        Assert.NotNull(found);
        Assert.Equal(created.Location, found.Location);
        Assert.Equal(AcmeStatus.Valid, found.Status);
        Assert.Null(missing);
    }

    [SkippableFact]
    public async Task New_account_twice_with_one_key_returns_the_same_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);

        var first = await client.NewAccountAsync(["ops@example.com"], true, null, cts.Token);
        var second = await client.NewAccountAsync(["ops@example.com"], true, null, cts.Token);

        Assert.Equal(first.Location, second.Location);
        Assert.Equal(["mailto:ops@example.com"], first.Contact!);
    }

    [SkippableFact]
    public async Task After_key_rollover_the_new_key_works_and_the_old_one_does_not()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var oldKey = JwsSigners.CreateEs256();
        using var newKey = JwsSigners.CreateRs256();
        var client = pebble.CreateClient(http, oldKey);
        var account = await client.NewAccountAsync([], true, null, cts.Token);

        await client.KeyChangeAsync(newKey, cts.Token);

        Assert.Same(newKey, client.AccountKey);
        // The same client (now signing with the new key) can still order.
        var order = await client.NewOrderAsync(TestCsr.Dns(TestCsr.UniqueName("roll")), cancellationToken: cts.Token);
        Assert.Equal(AcmeStatus.Pending, order.Status);
        var foundByNew = await pebble.CreateClient(http, newKey).FindAccountAsync(cts.Token);
        Assert.Equal(account.Location, foundByNew?.Location);
        Assert.Null(await pebble.CreateClient(http, oldKey).FindAccountAsync(cts.Token));
        // A kid-signed request with the old key is refused outright. Pebble 2.4 says malformed (the signature does
        // not verify); current Pebble checks the algorithm against the account's key first, and the stale ES256
        // signature on what is now an RSA account is badSignatureAlgorithm. Either is a refusal of the stale key.
        var stale = pebble.CreateClient(http, oldKey, account.Location);
        var error = await Assert.ThrowsAnyAsync<AcmeProtocolException>(
            () => stale.NewOrderAsync(TestCsr.Dns(TestCsr.UniqueName("old")), cancellationToken: cts.Token));
        Assert.True(error.IsMalformed || error.IsUnauthorized || error.Is(AcmeProblemTypes.BadSignatureAlgorithm), error.Message);
        Assert.InRange(error.HttpStatus, 400, 403);
    }

    [SkippableFact]
    public async Task A_deactivated_account_can_no_longer_order()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, cts.Token);

        var deactivated = await client.DeactivateAccountAsync(cts.Token);

        Assert.Equal(AcmeStatus.Deactivated, deactivated.Status);
        var error = await Assert.ThrowsAnyAsync<AcmeProtocolException>(
            () => client.NewOrderAsync(TestCsr.Dns(TestCsr.UniqueName("gone")), cancellationToken: cts.Token));
        Assert.True(error.IsUnauthorized, error.Message);
    }

    [SkippableFact]
    public async Task Kid_requests_without_an_account_fail_fast_on_the_client()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.NewOrderAsync(TestCsr.Dns("a.example.com"), cancellationToken: CancellationToken.None));
    }
}
