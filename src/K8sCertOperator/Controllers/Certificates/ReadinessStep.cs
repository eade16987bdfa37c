using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Step 6: Ready from the Secret via <see cref="ReadinessPolicyChain"/>, plus notBefore/notAfter/renewalTime.</summary>
public sealed class ReadinessStep : ICertificateStep
{
    private readonly CertificateOperations _ops;

    public ReadinessStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "readiness";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var input = state.Input();
        var readiness = ReadinessPolicyChain.Evaluate(input);
        var leaf = readiness.Status == ConditionStatus.True ? input.Material.Certificate : null;
        var now = state.Now.UtcDateTime;
        await _ops.UpdateStatusAsync(state, (c, s) =>
        {
            s.Conditions = ConditionSet.Set(s.Conditions, ConditionTypes.Ready, readiness.Status, readiness.Reason, readiness.Message, c.Metadata.Generation, now);
            if (leaf is not null)
            {
                s.NotBefore = leaf.NotBefore.UtcDateTime;
                s.NotAfter = leaf.NotAfter.UtcDateTime;
                s.RenewalTime = RenewalWindowPolicy.IsDisabled(c.Spec.Renewal) ? null : CertificatePolicies.RenewalTime(c, leaf, state.RenewalJitter).UtcDateTime;
            }
        }, cancellationToken).ConfigureAwait(false);
        return StepResult.Continue;
    }
}
