using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Challenges.AccountBoundDnsKit;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>
/// dns-persist-01 through the Order and Challenge controllers, against Pebble when it offers it, else the in-process
/// ACME double (the output says which), with bind9 as the DNS both read.
/// </summary>
public sealed class DnsPersist01Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task With_a_provider_the_record_is_written_once_kept_and_a_second_issuance_writes_no_dns()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await StartHarnessAsync(output, ct);
        var bind = harness.Bind!;
        await CreateTsigSecretAsync(harness, ct);
        await harness.CreateIssuerAsync([ChallengeSolvers.DnsPersist01(bind, TsigSecretName)], ct);
        await harness.StartOperatorAsync(orders: true, challenges: true, ct);
        var account = await AccountUrlAsync(harness, AcmeControllerHarness.IssuerName, ct);
        var name = TestCsr.UniqueName("persist");
        var owner = DnsPersistRecord.RecordName(name);

        await harness.CreateOrderAsync("persist-1", [name, "*." + name], ct);
        var first = await harness.WaitForOrderAsync("persist-1", o => AcmeStates.IsFinal(o.Status?.State), ct);

        Assert.True(first.Status!.State == AcmeStates.Valid, $"state {first.Status.State}: {first.Status.Reason}");
        // Once the Order is done its Challenges are deleted: the records stay. The wildcard's carries policy=wildcard, which
        // also covers the name itself, so whether the name got a record of its own depends on which Challenge came first.
        await OrderControllerHttp01Tests.Eventually(async () => (await harness.Apis.Challenges.ListAsync(harness.Namespace, null, ct)).Items.Count == 0, ct);
        var standing = (await bind.QueryTxtAsync(owner, ct)).Order(StringComparer.Ordinal).ToList();
        var parsed = standing.Select(v => DnsPersistRecord.Parse(v, out _)).ToList();
        Assert.InRange(standing.Count, 1, 2);
        Assert.All(parsed, r => Assert.Equal(account, r!.AccountUri));
        Assert.Contains(parsed, r => r!.Policy == DnsPersistRecord.WildcardPolicy);

        // A second issuance for the same names: the CA asks again (no authorization is reused), the records answer it,
        // and the operator writes nothing: the zone's serial does not move.
        var serial = await bind.SerialAsync(ct);
        await harness.CreateOrderAsync("persist-2", [name, "*." + name], ct);
        var second = await harness.WaitForOrderAsync("persist-2", o => AcmeStates.IsFinal(o.Status?.State), ct);

        Assert.True(second.Status!.State == AcmeStates.Valid, $"state {second.Status.State}: {second.Status.Reason}");
        Assert.All(second.Status.Authorizations!, a => Assert.Equal(K8sCertOperator.Acme.Resources.AcmeStatus.Pending, a.InitialState));
        Assert.Equal(serial, await bind.SerialAsync(ct));
        Assert.Equal(standing, (await bind.QueryTxtAsync(owner, ct)).Order(StringComparer.Ordinal).ToList());
    }

    [SkippableFact]
    public async Task Without_a_provider_the_challenge_and_the_certificate_show_the_record_wait_past_the_propagation_timeout_and_validate_once_published()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await StartHarnessAsync(output, ct);
        var bind = harness.Bind!;
        await harness.CreateIssuerAsync([ChallengeSolvers.DnsPersist01(bind, tsigSecretName: null)], ct);
        var timeout = TimeSpan.FromSeconds(2);
        await harness.StartOperatorAsync(orders: true, challenges: true, ct, adjust: o => o with { Dns01PropagationTimeout = timeout }, certificates: true);
        var account = await AccountUrlAsync(harness, AcmeControllerHarness.IssuerName, ct);
        var name = TestCsr.UniqueName("manual");
        var serial = await bind.SerialAsync(ct);

        await harness.Apis.Certificates.CreateAsync(
            Certificates.CertificateControllerHarness.NewCertificate(harness.Namespace, "manual", "manual-tls", AcmeControllerHarness.IssuerName, "*." + name), ct);
        // The Challenge says exactly what to publish, and keeps waiting after the DNS-01 propagation timeout has passed.
        var waiting = await WaitForChallengeAsync(harness, c => c.Status?.DnsRecord is not null
            && c.Status.Reason?.Contains("waiting for", StringComparison.Ordinal) == true
            && DateTimeOffset.Parse(c.Metadata.Annotations![K8sCertOperator.Controllers.Challenges.ChallengeAnnotations.PresentedAt], System.Globalization.CultureInfo.InvariantCulture) + timeout < DateTimeOffset.UtcNow, ct);
        var record = waiting.Status!.DnsRecord!;
        Assert.Equal(ChallengeTypes.DnsPersist01, waiting.Spec.Type);
        Assert.False(record.Managed);
        Assert.Equal(DnsPersistRecord.RecordName(name), record.Name);
        var expected = DnsPersistRecord.Parse(record.Value, out _)!;
        Assert.Equal(account, expected.AccountUri);
        Assert.Equal(DnsPersistRecord.WildcardPolicy, expected.Policy);
        Assert.Contains(expected.IssuerDomainName, waiting.Spec.IssuerDomainNames!);
        Assert.Contains(record.Name, waiting.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(AcmeStates.Pending, (await harness.Apis.Challenges.GetAsync(harness.Namespace, waiting.Metadata.Name, ct))!.Status!.State);
        Assert.Equal(serial, await bind.SerialAsync(ct)); // the operator wrote nothing
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await CoreResourceApis.Events(harness.Env.Client).ListAsync(harness.Namespace, null, ct)).Items.Any(e =>
                e.InvolvedObject.Name == waiting.Metadata.Name && e.Message.Contains(record.ToString(), StringComparison.Ordinal)), ct);

        // The Certificate's Issuing condition names the same record, so `kubectl describe certificate` shows what to publish.
        var shown = await harness.WaitForCertificateAsync("manual", c =>
            ConditionSet.Find(c.Status?.Conditions, ConditionTypes.Issuing)?.Message?.Contains(record.ToString(), StringComparison.Ordinal) == true, ct);
        var issuing = ConditionSet.Find(shown.Status!.Conditions, ConditionTypes.Issuing)!;
        Assert.Equal(ConditionStatus.True, issuing.Status);
        Assert.Equal(K8sCertOperator.Controllers.Certificates.ManualDnsRecordWait.Reason, issuing.Reason);

        // The test publishes the record the operator reported; the operator sees it on the authoritative server and answers.
        await new Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync(record.Name, record.Value, ct);
        var issued = await harness.WaitForCertificateAsync("manual", c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready), ct);

        Assert.DoesNotContain(issued.Status!.Conditions!, c => c.Reason == K8sCertOperator.Controllers.Certificates.ManualDnsRecordWait.Reason);
    }
}
