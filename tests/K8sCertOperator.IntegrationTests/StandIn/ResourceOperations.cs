using System.Globalization;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// The API server's write and read semantics on top of <see cref="ObjectStore"/>: create with uid and
/// generation, optimistic concurrency, status subresource isolation, generation bumps, patches.
/// </summary>
internal sealed class ResourceOperations(ObjectStore store, ResourceRegistry registry, DeletionLifecycle lifecycle)
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public JsonObject Get(ResourceType type, string? ns, string name) =>
        WithApiVersion(store.Get(ObjectKey.For(type, ns, name)) ?? throw ApiException.NotFound(type, name), type);

    public JsonObject List(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, int? limit, string? continueToken)
    {
        lock (store.Gate)
        {
            var after = continueToken is null ? null : ContinueToken.Decode(continueToken);
            var matches = store.Query(type.Group, type.Plural, type.Namespaced ? ns : null)
                .Where(p => labels.Matches(ObjectMeta.Labels(p.Object)) && fields.Matches(p.Object))
                .Where(p => after is null || string.CompareOrdinal($"{p.Key.Namespace}/{p.Key.Name}", after) > 0)
                .ToList();
            var page = limit is > 0 ? matches.Take(limit.Value).ToList() : matches;
            var metadata = new JsonObject { ["resourceVersion"] = Rv(store.CurrentResourceVersion) };
            if (page.Count < matches.Count)
            {
                var last = page[^1].Key;
                metadata["continue"] = ContinueToken.Encode($"{last.Namespace}/{last.Name}");
                metadata["remainingItemCount"] = matches.Count - page.Count;
            }
            return new JsonObject
            {
                ["kind"] = type.ListKind,
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = metadata,
                ["items"] = new JsonArray([.. page.Select(p => (JsonNode)WithApiVersion(p.Object, type))]),
            };
        }
    }

    public JsonObject Create(ResourceType type, string? ns, JsonObject body, WriteContext? context = null)
    {
        lock (store.Gate)
        {
            var metadata = ObjectMeta.Metadata(body);
            var name = ObjectMeta.Get(body, "name");
            var generateName = ObjectMeta.Get(body, "generateName");
            if (type.Namespaced)
            {
                ns = RequireNamespace(type, ns, ObjectMeta.Get(body, "namespace"));
            }
            if (string.IsNullOrEmpty(name))
            {
                if (string.IsNullOrEmpty(generateName))
                {
                    throw ApiException.Invalid(type, "", "metadata.name: Required value: name or generateName is required");
                }
                do
                {
                    name = generateName + new string(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)]).ToArray());
                }
                while (store.Get(ObjectKey.For(type, ns, name)) is not null);
            }
            var key = ObjectKey.For(type, ns, name);
            if (store.Get(key) is not null)
            {
                throw ApiException.AlreadyExists(type, name);
            }

            body["kind"] = type.Kind;
            body["apiVersion"] = type.ApiVersion;
            metadata["name"] = name;
            if (type.Namespaced)
            {
                metadata["namespace"] = ns;
            }
            else
            {
                metadata.Remove("namespace");
            }
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = ObjectMeta.Timestamp(DateTimeOffset.UtcNow);
            metadata["generation"] = 1;
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
            if (type.HasStatusSubresource)
            {
                // Status is written only through /status, so a real server drops it on create.
                body.Remove("status");
            }
            BuiltInDefaults.OnCreate(type, body);
            Validation.WriteAdmission.Admit(type, body, null);
            Validation.ManagedFields.Record(body, context ?? WriteContext.Internal, type.ApiVersion, null);
            var stored = store.Put(key, body);
            BuiltInDefaults.AfterWrite(type, stored, registry);
            return WithApiVersion(stored, type);
        }
    }

    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject body, string? subresource, WriteContext? context = null)
    {
        lock (store.Gate)
        {
            var key = ObjectKey.For(type, ns, name);
            var current = store.Get(key) ?? throw ApiException.NotFound(type, name);
            var bodyName = ObjectMeta.Get(body, "name");
            if (bodyName is not null && bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }
            var requested = ObjectMeta.Get(body, "resourceVersion");
            if (requested is null && !type.AllowUnconditionalUpdate)
            {
                throw ApiException.Invalid(type, name, "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
            }
            if (requested is not null && requested != ObjectMeta.Get(current, "resourceVersion"))
            {
                throw ApiException.Conflict(type, name);
            }

            JsonObject next;
            if (subresource == "status")
            {
                // Only the status stanza is taken from a /status write.
                next = (JsonObject)current.DeepClone();
                next.Remove("status");
                if (body["status"] is { } status)
                {
                    next["status"] = status.DeepClone();
                }
            }
            else
            {
                next = (JsonObject)body.DeepClone();
                if (type.HasStatusSubresource)
                {
                    next.Remove("status");
                    if (current["status"] is { } status)
                    {
                        next["status"] = status.DeepClone();
                    }
                }
                CarryImmutableMetadata(current, next);
            }
            next["kind"] = type.Kind;
            next["apiVersion"] = current["apiVersion"]?.DeepClone();
            Validation.WriteAdmission.Admit(type, next, current);
            var committed = Commit(type, key, current, next, context ?? WriteContext.Internal, subresource);
            BuiltInDefaults.AfterWrite(type, committed, registry);
            return WithApiVersion(committed, type);
        }
    }

    public JsonObject Patch(ResourceType type, string? ns, string name, string contentType, JsonNode patch, string? subresource, WriteContext? context = null)
    {
        lock (store.Gate)
        {
            var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
            var current = store.Get(ObjectKey.For(type, ns, name));
            if (current is null)
            {
                if (mediaType == "application/apply-patch+yaml" && patch is JsonObject applied && subresource is null)
                {
                    // Server-side apply creates a missing object.
                    return Create(type, ns, applied, context);
                }
                throw ApiException.NotFound(type, name);
            }
            var patched = mediaType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(current, patch as JsonArray
                    ?? throw ApiException.BadRequest("a JSON patch must be an array of operations")),
                "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/apply-patch+yaml"
                    => JsonMergePatch.Apply(current, patch),
                _ => throw ApiException.UnsupportedMediaType(contentType),
            };
            if (patched is not JsonObject patchedObject)
            {
                throw ApiException.BadRequest("the patch did not produce an object");
            }
            return Update(type, ns, name, patchedObject, subresource, context);
        }
    }

    public JsonObject Delete(ResourceType type, string? ns, string name, JsonObject? options, string? propagationQuery)
    {
        lock (store.Gate)
        {
            var key = ObjectKey.For(type, ns, name);
            var current = store.Get(key) ?? throw ApiException.NotFound(type, name);
            var preconditions = options?["preconditions"];
            var uid = (string?)preconditions?["uid"];
            if (uid is not null && uid != ObjectMeta.Uid(current))
            {
                throw new ApiException(409, "Conflict",
                    $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current)}", name, type);
            }
            var rv = (string?)preconditions?["resourceVersion"];
            if (rv is not null && rv != ObjectMeta.Get(current, "resourceVersion"))
            {
                throw ApiException.Conflict(type, name);
            }
            var propagation = (string?)options?["propagationPolicy"] ?? propagationQuery ?? "Background";
            if ((bool?)options?["orphanDependents"] == true)
            {
                propagation = "Orphan";
            }
            return WithApiVersion(lifecycle.Delete(key, current, propagation), type);
        }
    }

    public JsonObject DeleteCollection(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, string? propagationQuery)
    {
        lock (store.Gate)
        {
            var list = List(type, ns, labels, fields, null, null);
            var deleted = new JsonArray();
            foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                deleted.Add(Delete(type, ObjectMeta.Get(item, "namespace"), ObjectMeta.Name(item), null, propagationQuery));
            }
            list["items"] = deleted;
            return list;
        }
    }

    /// <summary>Writes <paramref name="next"/> unless it changes nothing; removes it when deletion is only waiting on finalizers.</summary>
    private JsonObject Commit(ResourceType type, ObjectKey key, JsonObject current, JsonObject next, WriteContext context, string? subresource)
    {
        Validation.ManagedFields.CarryOver(next, current);
        var metadata = ObjectMeta.Metadata(next);
        var generation = current["metadata"]?["generation"] is JsonValue stored && stored.TryGetValue<long>(out var g) ? g : 1;
        if (GenerationPolicy.ShouldBump(current, next, type.HasStatusSubresource))
        {
            generation++;
        }
        metadata["generation"] = generation;
        metadata["resourceVersion"] = ObjectMeta.Get(current, "resourceVersion");
        next = ObjectStore.Normalize(next);
        if (JsonNode.DeepEquals(current, next))
        {
            // A no-op write neither bumps resourceVersion nor wakes watchers, like the real server.
            return current;
        }
        Validation.ManagedFields.Record(next, context, type.ApiVersion, subresource);
        if (ObjectMeta.IsTerminating(next) && ObjectMeta.Finalizers(next).Count == 0)
        {
            lifecycle.RemoveNow(key);
            return next;
        }
        return store.Put(key, next);
    }

    private static void CarryImmutableMetadata(JsonObject current, JsonObject next)
    {
        var from = ObjectMeta.Metadata(current);
        var to = ObjectMeta.Metadata(next);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            to.Remove(field);
            if (from[field] is { } value)
            {
                to[field] = value.DeepClone();
            }
        }
    }

    private string RequireNamespace(ResourceType type, string? urlNamespace, string? bodyNamespace)
    {
        if (urlNamespace is null)
        {
            throw ApiException.MethodNotAllowed($"{type.QualifiedName} can only be created inside a namespace");
        }
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != urlNamespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        var nsObject = store.Get(new ObjectKey("", "namespaces", "", urlNamespace))
            ?? throw new ApiException(404, "NotFound", $"namespaces \"{urlNamespace}\" not found", urlNamespace);
        if (ObjectMeta.IsTerminating(nsObject))
        {
            throw ApiException.Forbidden($"{type.Plural} is forbidden: unable to create new content in namespace {urlNamespace} because it is being terminated");
        }
        return urlNamespace;
    }

    // Storage is version-independent; answer in the version the client asked for.
    internal static JsonObject WithApiVersion(JsonObject obj, ResourceType type)
    {
        obj["apiVersion"] = type.ApiVersion;
        return obj;
    }

    private static string Rv(long value) => value.ToString(CultureInfo.InvariantCulture);
}
