using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>Waiting on the API (never on an operator's cache) for what the operators should bring about.</summary>
public sealed partial class OperatorHarness
{
    /// <summary>Polls the API until <paramref name="done"/> holds; on timeout prints Pebble's output.</summary>
    public Task<T> WaitForAsync<T>(Func<CancellationToken, Task<T?>> read, Func<T, bool> done, TimeSpan timeout, string what, CancellationToken ct)
        where T : class =>
        ApiPoll.UntilAsync(read, done, timeout, _options.PollInterval, what, ct, () => _output?.WriteLine("Pebble output:\n" + Pebble.Output));

    /// <summary>The Certificate is Ready, at whatever revision.</summary>
    public Task<Certificate> WaitCertificateReadyAsync(string name, TimeSpan timeout, CancellationToken ct) =>
        WaitForAsync(
            c => Apis.Certificates.GetAsync(Namespace, name, c),
            c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready),
            timeout, $"Certificate {name} Ready", ct);

    /// <summary>The Certificate is Ready at revision <paramref name="atLeastRevision"/> or later.</summary>
    public Task<Certificate> WaitCertificateReadyAsync(string name, int atLeastRevision, TimeSpan timeout, CancellationToken ct) =>
        WaitForAsync(
            c => Apis.Certificates.GetAsync(Namespace, name, c),
            c => c.Status?.Revision >= atLeastRevision && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready),
            timeout, $"Certificate {name} Ready at revision {atLeastRevision}", ct);

    /// <summary>The first Challenge in the namespace that satisfies <paramref name="match"/>.</summary>
    public Task<Challenge> WaitForChallengeAsync(Func<Challenge, bool> match, TimeSpan timeout, string what, CancellationToken ct) =>
        WaitForAsync(
            async c => (await Apis.Challenges.ListAsync(Namespace, null, c)).Items.FirstOrDefault(match),
            _ => true, timeout, what, ct);

    /// <summary>
    /// Queries <see cref="Bind"/> for the TXT values at <paramref name="fqdn"/> until <paramref name="done"/> holds
    /// or the time is up, and returns the last answer either way: the caller asserts on it.
    /// </summary>
    public async Task<IReadOnlyList<string>> PollTxtAsync(string fqdn, Func<IReadOnlyList<string>, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var bind = Bind ?? throw new InvalidOperationException("harness started without bind9");
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<string> last;
        while (!done(last = await bind.QueryTxtAsync(fqdn, ct)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        return last;
    }
}
