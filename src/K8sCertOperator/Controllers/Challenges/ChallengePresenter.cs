using System.Globalization;
using System.Text.Json.Nodes;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// The Present step: waits its turn at the <see cref="PresentationGate"/>, has the solver present, stamps when, and
/// records it in the status (with the DNS record the solver names) and in an Event on the Challenge and Certificate.
/// </summary>
internal sealed class ChallengePresenter
{
    private static readonly TimeSpan WaitRetry = TimeSpan.FromSeconds(2);

    private readonly OperatorContext _context;
    private readonly OrderEvents _events;
    private readonly PresentationGate _gate;

    public ChallengePresenter(OperatorContext context, OrderEvents events, PresentationGate gate)
    {
        _context = context;
        _events = events;
        _gate = gate;
    }

    public async Task<ReconcileResult> PresentAsync(Challenge challenge, IChallengeSolver solver, CancellationToken ct)
    {
        if (!_gate.TryEnter(challenge, out var holder))
        {
            var reason = $"waiting for Challenge {holder} ({challenge.Spec.Type} for {challenge.Spec.DnsName}) to finish";
            await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c =>
            {
                c.Status ??= new ChallengeStatus();
                c.Status.Reason = reason;
            }, ct).ConfigureAwait(false);
            return ReconcileResult.Success(WaitRetry);
        }
        await solver.PresentAsync(challenge, ct).ConfigureAwait(false);
        var record = solver.DescribeRecord(challenge);
        if (!(challenge.Metadata.Annotations?.ContainsKey(ChallengeAnnotations.PresentedAt) ?? false))
        {
            var now = _context.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ChallengeAnnotations.PresentedAt] = now } },
            }.ToJsonString();
            challenge = await _context.Apis.Challenges.PatchAsync(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name, patch, ct).ConfigureAwait(false);
        }
        await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c =>
        {
            c.Status ??= new ChallengeStatus();
            c.Status.Presented = true;
            c.Status.Processing = true;
            c.Status.State ??= AcmeStates.Pending;
            c.Status.Reason = null;
            c.Status.DnsRecord = record;
        }, ct).ConfigureAwait(false);
        await _events.OnObjectAsync(challenge, EventTypes.Normal, "Presented",
            solver.PresentedMessage(challenge, DisplayName(challenge)), ct).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    public static string DisplayName(Challenge challenge) =>
        challenge.Spec.Wildcard == true ? "*." + challenge.Spec.DnsName : challenge.Spec.DnsName;
}
