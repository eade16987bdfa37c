using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace K8sCertOperator.Tests.Api;

/// <summary>Fills every serialized property of an API type, recursively, so a round trip exercises all of them.</summary>
internal static class ObjectPopulator
{
    private static readonly DateTime Time = new(2026, 11, 25, 13, 14, 15, DateTimeKind.Utc);

    public static T Create<T>() => (T)Create(typeof(T), typeof(T).Name);

    /// <summary>JSON paths that are null or empty in <paramref name="json"/>; empty when everything is populated.</summary>
    public static List<string> EmptyPaths(JsonNode? json, string path = "")
    {
        var empty = new List<string>();
        switch (json)
        {
            case null:
                empty.Add(path);
                break;
            case JsonObject obj when obj.Count == 0:
            case JsonArray arr when arr.Count == 0:
                empty.Add(path);
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    empty.AddRange(EmptyPaths(child, $"{path}.{name}"));
                }

                break;
            case JsonArray arr:
                foreach (var child in arr)
                {
                    empty.AddRange(EmptyPaths(child, path + "[]"));
                }

                break;
        }

        return empty;
    }

    private static object Create(Type type, string hint)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "v-" + hint;
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 9L;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTime))
        {
            return Time;
        }

        if (type == typeof(byte[]))
        {
            return new byte[] { 0x30, 0x82, 0x01, 0xff };
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("""{"zone":"example.com","ttl":60,"nested":{"list":[1,"two"]}}""").RootElement.Clone();
        }

        if (type == typeof(V1ObjectMeta))
        {
            return new V1ObjectMeta { Name = "name-" + hint.ToLowerInvariant(), NamespaceProperty = "ns", Uid = "uid-1", Generation = 3 };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            list.Add(Create(type.GetGenericArguments()[0], hint));
            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(type)!;
            map.Add("k8scert.io/key-" + hint, Create(type.GetGenericArguments()[1], hint));
            return map;
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, property) in SchemaTypeComparer.JsonProperties(type))
        {
            // apiVersion and kind keep their correct defaults so the object stays a valid resource.
            if (property.CanWrite && name is not ("apiVersion" or "kind"))
            {
                property.SetValue(instance, Create(property.PropertyType, name));
            }
        }

        return instance;
    }
}
