/**
 * Small programs, one per language, that decode Postal samples with the generated types and
 * check nothing was lost or added: each reads lines `{"expect": "ok" | "error", "kind", "body",
 * "optional"}` on stdin, decodes the body as a webhook (`kind` "webhook"), an inbound message in
 * the Hash format ("inbound") or a RawMessage ("raw"), and exits 1 when a body that should fit
 * does not, or one that should not fit does. `optional` names the top-level keys Postal may leave
 * out: a type that cannot tell a key left out from a null (Go, PHP, Ruby) may write either.
 */

/** Python: walks each body against the TypedDicts' annotations (keys, Literal values, Optional, scalars). */
export const PYTHON_CHECKER = `import json, sys, typing
import postal_webhooks

def check(value, tp, path):
    origin = typing.get_origin(tp)
    if origin is typing.Union:
        for option in typing.get_args(tp):
            try:
                return check(value, option, path)
            except TypeError:
                pass
        raise TypeError(f"{path}: {value!r} fits none of {tp}")
    if origin is typing.Literal:
        if value not in typing.get_args(tp):
            raise TypeError(f"{path}: {value!r} is not one of {typing.get_args(tp)}")
        return
    if origin is list:
        if not isinstance(value, list):
            raise TypeError(f"{path}: {value!r} is not a list")
        (item,) = typing.get_args(tp)
        for index, entry in enumerate(value):
            check(entry, item, f"{path}[{index}]")
        return
    if typing.is_typeddict(tp):
        hints = typing.get_type_hints(tp)
        if not isinstance(value, dict) or not (tp.__required_keys__ <= set(value) <= set(hints)):
            raise TypeError(f"{path}: keys {sorted(value) if isinstance(value, dict) else value} are not {sorted(hints)}")
        for key, entry in value.items():
            check(entry, hints[key], f"{path}.{key}")
        return
    scalar = {type(None): value is None, bool: isinstance(value, bool), str: isinstance(value, str),
              int: isinstance(value, int) and not isinstance(value, bool),
              float: isinstance(value, (int, float)) and not isinstance(value, bool)}
    if not scalar[tp]:
        raise TypeError(f"{path}: {value!r} is not {tp}")

ROOTS = {"webhook": postal_webhooks.PostalWebhook, "inbound": postal_webhooks.PostalInboundMessage, "raw": postal_webhooks.PostalInboundRawMessage}
failures = 0
for line in sys.stdin:
    case = json.loads(line)
    try:
        check(case["body"], ROOTS[case["kind"]], "body")
        error = None
    except TypeError as problem:
        error = str(problem)
    if (error is None) != (case["expect"] == "ok"):
        print(f"unexpected ({case['expect']}): {error}")
        failures += 1
sys.exit(1 if failures else 0)
`;

/** PHP: builds the classes with fromArray() under strict types, encodes them back and compares. */
export const PHP_CHECKER = `<?php
declare(strict_types=1);
require __DIR__ . '/PostalWebhooks.php';
set_error_handler(function (int $level, string $message): bool { throw new ErrorException($message); });
function normalized(mixed $value): mixed {
    if (!is_array($value)) return $value;
    ksort($value);
    return array_map('normalized', $value);
}
/** @param list<string> $optional */
function withoutNullOptional(array $value, array $optional): array {
    foreach ($optional as $key) {
        if (array_key_exists($key, $value) && $value[$key] === null) unset($value[$key]);
    }
    return $value;
}
$roots = ['webhook' => PostalWebhooks\\PostalWebhook::class, 'inbound' => PostalWebhooks\\PostalInboundMessage::class, 'raw' => PostalWebhooks\\PostalInboundRawMessage::class];
$failures = 0;
while (($line = fgets(STDIN)) !== false) {
    $case = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    try {
        $decoded = $roots[$case['kind']]::fromArray($case['body']);
        $again = withoutNullOptional(json_decode(json_encode($decoded, JSON_THROW_ON_ERROR), true), $case['optional']);
        $error = normalized($again) === normalized(withoutNullOptional($case['body'], $case['optional'])) ? null : 'encoding it again gives ' . json_encode($again);
    } catch (Throwable $problem) {
        $error = $problem->getMessage();
    }
    if (($error === null) !== ($case['expect'] === 'ok')) {
        echo "unexpected ({$case['expect']}): $error\\n";
        $failures++;
    }
}
exit($failures > 0 ? 1 : 0);
`;

/** Ruby: builds the Structs with from_h, turns them back into Hashes and compares. */
export const RUBY_CHECKER = `require 'json'
require_relative 'postal_webhooks'
to_hash = lambda do |value|
  case value
  when Struct then value.to_h.to_h { |key, item| [key.to_s, to_hash.call(item)] }
  when Array then value.map { |item| to_hash.call(item) }
  else value
  end
end
roots = { 'webhook' => PostalWebhooks::PostalWebhook, 'inbound' => PostalWebhooks::PostalInboundMessage, 'raw' => PostalWebhooks::PostalInboundRawMessage }
failures = 0
$stdin.each_line do |line|
  check = JSON.parse(line)
  without_null_optional = ->(hash) { hash.reject { |key, item| check['optional'].include?(key) && item.nil? } }
  error = begin
    again = without_null_optional.call(to_hash.call(roots.fetch(check['kind']).from_h(check['body'])))
    again == without_null_optional.call(check['body']) ? nil : "back to a Hash it is #{again}"
  rescue StandardError => e
    e.message
  end
  next if error.nil? == (check['expect'] == 'ok')

  puts "unexpected (#{check['expect']}): #{error}"
  failures += 1
end
exit(failures.zero? ? 0 : 1)
`;

/** Go: decodes strictly (unknown fields are errors) into the structs, encodes again and compares. */
export const GO_CHECKER = `package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

func strict(data []byte, into any) error {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	return decoder.Decode(into)
}

// sameJSON says whether again encodes what original does, a key in optional that is null or an
// empty list counting as absent: encoding/json's omitempty leaves out all three.
func sameJSON(original, again []byte, optional []string) error {
	var want, got any
	if err := json.Unmarshal(original, &want); err != nil {
		return err
	}
	if err := json.Unmarshal(again, &got); err != nil {
		return err
	}
	for _, value := range []any{want, got} {
		if object, ok := value.(map[string]any); ok {
			for _, key := range optional {
				if list, isList := object[key].([]any); object[key] == nil || (isList && len(list) == 0) {
					delete(object, key)
				}
			}
		}
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("encoding it again gives %s", again)
	}
	return nil
}

func roundTrip(kind string, body []byte, optional []string) error {
	var decoded any
	switch kind {
	case "inbound":
		decoded = &PostalInboundMessage{}
	case "raw":
		decoded = &PostalInboundRawMessage{}
	default:
		var webhook PostalWebhook
		if err := strict(body, &webhook); err != nil {
			return err
		}
		decoded = NewPostalPayload(webhook.Event)
		if decoded == nil {
			return fmt.Errorf("no payload type for %q", webhook.Event)
		}
		body = webhook.Payload
	}
	if err := strict(body, decoded); err != nil {
		return err
	}
	again, err := json.Marshal(decoded)
	if err != nil {
		return err
	}
	return sameJSON(body, again, optional)
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	failures := 0
	for scanner.Scan() {
		var check struct {
			Expect   string          \`json:"expect"\`
			Kind     string          \`json:"kind"\`
			Body     json.RawMessage \`json:"body"\`
			Optional []string        \`json:"optional"\`
		}
		if err := json.Unmarshal(scanner.Bytes(), &check); err != nil {
			panic(err)
		}
		err := roundTrip(check.Kind, check.Body, check.Optional)
		if (err == nil) != (check.Expect == "ok") {
			fmt.Printf("unexpected (%s): %v\\n", check.Expect, err)
			failures++
		}
	}
	if failures > 0 {
		os.Exit(1)
	}
}
`;
