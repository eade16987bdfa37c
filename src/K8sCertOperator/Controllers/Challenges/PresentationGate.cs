using System.Collections.Concurrent;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Keeps two Challenges for the same name and type from being presented at once (their Ingress paths or TXT
/// records would interfere). Claims are held in memory for races between workers, and the informer cache is
/// consulted for Challenges presented before a restart.
/// </summary>
public sealed class PresentationGate
{
    private readonly ConcurrentDictionary<string, ObjectKey> _claims = new(StringComparer.Ordinal);
    private readonly IInformer<Challenge> _challenges;

    public PresentationGate(IInformer<Challenge> challenges) => _challenges = challenges ?? throw new ArgumentNullException(nameof(challenges));

    /// <summary>
    /// Slot key: type and lower-case name, wildcard marker dropped (both share _acme-challenge.NAME). dns-account-01
    /// adds the account (each account has its own record name); dns-persist-01 adds the wildcard flag (its records
    /// differ by policy and are never withdrawn, so only identical ones wait for each other).
    /// </summary>
    public static string SlotOf(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var slot = $"{challenge.Spec.Type}|{challenge.Spec.DnsName.TrimEnd('.').ToLowerInvariant()}";
        return challenge.Spec.Type switch
        {
            ChallengeTypes.DnsAccount01 => $"{slot}|{challenge.Spec.AccountUrl}",
            ChallengeTypes.DnsPersist01 => $"{slot}|{(challenge.Spec.Wildcard == true ? "*" : "")}",
            _ => slot,
        };
    }

    /// <summary>True when <paramref name="challenge"/> may present now; <paramref name="holder"/> names the blocker otherwise.</summary>
    public bool TryEnter(Challenge challenge, out ObjectKey? holder)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var me = ObjectKey.From(challenge);
        var slot = SlotOf(challenge);
        var other = _challenges.List().FirstOrDefault(c =>
            ObjectKey.From(c) != me
            && c.Status?.Presented == true
            && !AcmeStates.IsFinal(c.Status.State)
            && SlotOf(c) == slot);
        if (other is not null)
        {
            holder = ObjectKey.From(other);
            return false;
        }
        var owner = _claims.GetOrAdd(slot, me);
        if (owner != me && _challenges.Get(owner) is { } live && !AcmeStates.IsFinal(live.Status?.State) && live.Metadata.DeletionTimestamp is null)
        {
            holder = owner;
            return false;
        }
        _claims[slot] = me;
        holder = null;
        return true;
    }

    /// <summary>Releases the slot if <paramref name="challenge"/> holds it.</summary>
    public void Leave(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        _claims.TryRemove(new KeyValuePair<string, ObjectKey>(SlotOf(challenge), ObjectKey.From(challenge)));
    }
}
