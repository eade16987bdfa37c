using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// One change to the store, kept in the watch history. <see cref="Object"/> and <see cref="Previous"/>
/// are private snapshots that are never mutated after publication.
/// </summary>
/// <param name="ResourceVersion">The resourceVersion the change produced.</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Key">The object's storage key.</param>
/// <param name="Object">The object after the change (for DELETED: as it was removed).</param>
/// <param name="Previous">The object before a MODIFIED change, so selector watches can turn it into ADDED/DELETED.</param>
internal sealed record StoreEvent(long ResourceVersion, string Type, ObjectKey Key, JsonObject Object, JsonObject? Previous);
