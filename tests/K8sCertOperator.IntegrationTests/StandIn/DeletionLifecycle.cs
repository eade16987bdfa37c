using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// Graceful deletion as the API server and garbage collector do it: finalizers hold an object with a
/// deletionTimestamp; real removal cascades to dependents named by ownerReferences and empties
/// terminating namespaces. The garbage collector's work is done synchronously here, so tests are deterministic.
/// </summary>
internal sealed class DeletionLifecycle(ObjectStore store, ResourceRegistry registry)
{
    private const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Deletes per <paramref name="propagation"/> (Background, Foreground, Orphan); returns the object as the DELETE response.</summary>
    public JsonObject Delete(ObjectKey key, JsonObject current, string propagation)
    {
        lock (store.Gate)
        {
            if (ObjectMeta.IsTerminating(current))
            {
                return current;
            }
            if (propagation == "Orphan")
            {
                Orphan(ObjectMeta.Uid(current));
            }
            var finalizers = ObjectMeta.Finalizers(current).ToList();
            var foreground = propagation == "Foreground" && store.DependentsOf(ObjectMeta.Uid(current)).Count > 0;
            if (foreground)
            {
                finalizers.Add(ForegroundFinalizer);
            }
            var isNamespace = key is { Group: "", Plural: "namespaces" };
            if (finalizers.Count == 0 && !isNamespace)
            {
                return RemoveNow(key) ?? current;
            }

            var metadata = ObjectMeta.Metadata(current);
            metadata["deletionTimestamp"] = ObjectMeta.Timestamp(DateTimeOffset.UtcNow);
            metadata["deletionGracePeriodSeconds"] = 0;
            if (finalizers.Count > 0)
            {
                metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)f)]);
            }
            if (isNamespace)
            {
                current["status"] = new JsonObject { ["phase"] = "Terminating" };
            }
            var marked = store.Put(key, current);
            if (isNamespace)
            {
                foreach (var member in store.KeysInNamespace(key.Name))
                {
                    if (store.Get(member) is { } obj)
                    {
                        Delete(member, obj, "Background");
                    }
                }
                TryFinishNamespace(key.Name);
            }
            if (foreground)
            {
                DeleteDependents(ObjectMeta.Uid(current));
                TryFinishForeground(ObjectMeta.Uid(current));
            }
            return store.Get(key) ?? marked;
        }
    }

    /// <summary>Removes the object for good and lets the garbage collector act on what depended on it.</summary>
    public JsonObject? RemoveNow(ObjectKey key)
    {
        lock (store.Gate)
        {
            var removed = store.Remove(key);
            if (removed is null)
            {
                return null;
            }
            DeleteDependents(ObjectMeta.Uid(removed));
            foreach (var ownerUid in ObjectMeta.OwnerUids(removed))
            {
                TryFinishForeground(ownerUid);
            }
            if (key.Namespace.Length > 0)
            {
                TryFinishNamespace(key.Namespace);
            }
            if (key is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
            {
                RemoveCustomResources(removed);
            }
            return removed;
        }
    }

    // A dependent with another owner that still exists only loses this ownerReference, as in the real GC.
    private void DeleteDependents(string ownerUid)
    {
        foreach (var dependentKey in store.DependentsOf(ownerUid))
        {
            if (store.Get(dependentKey) is not { } dependent)
            {
                continue;
            }
            var otherOwnersAlive = ObjectMeta.OwnerUids(dependent).Any(u => u != ownerUid && store.UidExists(u));
            if (otherOwnersAlive)
            {
                StripOwner(dependentKey, dependent, ownerUid);
            }
            else
            {
                Delete(dependentKey, dependent, "Background");
            }
        }
    }

    private void Orphan(string ownerUid)
    {
        foreach (var dependentKey in store.DependentsOf(ownerUid))
        {
            if (store.Get(dependentKey) is { } dependent)
            {
                StripOwner(dependentKey, dependent, ownerUid);
            }
        }
    }

    private void StripOwner(ObjectKey key, JsonObject obj, string ownerUid)
    {
        var references = obj["metadata"]?["ownerReferences"] as JsonArray ?? [];
        foreach (var reference in references.OfType<JsonObject>().Where(r => (string?)r["uid"] == ownerUid).ToList())
        {
            references.Remove(reference);
        }
        store.Put(key, obj);
    }

    // A foreground-deleted owner goes once its last dependent is gone.
    private void TryFinishForeground(string ownerUid)
    {
        if (store.FindByUid(ownerUid) is not { } owner || !ObjectMeta.Finalizers(owner.Object).Contains(ForegroundFinalizer)
            || store.DependentsOf(ownerUid).Count > 0)
        {
            return;
        }
        var remaining = ObjectMeta.Finalizers(owner.Object).Where(f => f != ForegroundFinalizer).ToList();
        if (remaining.Count == 0)
        {
            RemoveNow(owner.Key);
            return;
        }
        ObjectMeta.Metadata(owner.Object)["finalizers"] = new JsonArray([.. remaining.Select(f => (JsonNode?)f)]);
        store.Put(owner.Key, owner.Object);
    }

    private void TryFinishNamespace(string ns)
    {
        var key = new ObjectKey("", "namespaces", "", ns);
        if (store.Get(key) is { } nsObject && ObjectMeta.IsTerminating(nsObject)
            && ObjectMeta.Finalizers(nsObject).Count == 0 && store.KeysInNamespace(ns).Count == 0)
        {
            store.Remove(key);
        }
    }

    private void RemoveCustomResources(JsonObject crd)
    {
        var group = (string?)crd["spec"]?["group"] ?? "";
        var plural = (string?)crd["spec"]?["names"]?["plural"] ?? "";
        foreach (var (instanceKey, _) in store.Query(group, plural, null))
        {
            RemoveNow(instanceKey);
        }
        registry.Unregister(group, plural);
    }
}
