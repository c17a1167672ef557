/**
 * Small programs, one per language, that decode Postal samples with the generated types and
 * check nothing was lost or added: each reads lines `{"expect": "ok" | "error", "body": …}` on
 * stdin and exits 1 when a body that should fit does not, or one that should not fit does.
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
    if typing.is_typeddict(tp):
        hints = typing.get_type_hints(tp)
        if not isinstance(value, dict) or set(value) != set(hints):
            raise TypeError(f"{path}: keys {sorted(value) if isinstance(value, dict) else value} are not {sorted(hints)}")
        for key, hint in hints.items():
            check(value[key], hint, f"{path}.{key}")
        return
    scalar = {type(None): value is None, bool: isinstance(value, bool), str: isinstance(value, str),
              int: isinstance(value, int) and not isinstance(value, bool),
              float: isinstance(value, (int, float)) and not isinstance(value, bool)}
    if not scalar[tp]:
        raise TypeError(f"{path}: {value!r} is not {tp}")

failures = 0
for line in sys.stdin:
    case = json.loads(line)
    try:
        check(case["body"], postal_webhooks.PostalWebhook, "body")
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
$failures = 0;
while (($line = fgets(STDIN)) !== false) {
    $case = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    try {
        $webhook = PostalWebhooks\\PostalWebhook::fromArray($case['body']);
        $again = json_decode(json_encode($webhook, JSON_THROW_ON_ERROR), true);
        $error = normalized($again) === normalized($case['body']) ? null : 'encoding it again gives ' . json_encode($again);
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
to_hash = lambda { |value| value.is_a?(Struct) ? value.to_h.to_h { |key, item| [key.to_s, to_hash.call(item)] } : value }
failures = 0
$stdin.each_line do |line|
  check = JSON.parse(line)
  error = begin
    webhook = PostalWebhooks::PostalWebhook.from_h(check['body'])
    to_hash.call(webhook) == check['body'] ? nil : "back to a Hash it is #{to_hash.call(webhook)}"
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

func roundTrip(body []byte) error {
	var webhook PostalWebhook
	if err := strict(body, &webhook); err != nil {
		return err
	}
	payload := NewPostalPayload(webhook.Event)
	if payload == nil {
		return fmt.Errorf("no payload type for %q", webhook.Event)
	}
	if err := strict(webhook.Payload, payload); err != nil {
		return err
	}
	again, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	var want, got any
	if err := json.Unmarshal(webhook.Payload, &want); err != nil {
		return err
	}
	if err := json.Unmarshal(again, &got); err != nil {
		return err
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("encoding it again gives %s", again)
	}
	return nil
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	failures := 0
	for scanner.Scan() {
		var check struct {
			Expect string          \`json:"expect"\`
			Body   json.RawMessage \`json:"body"\`
		}
		if err := json.Unmarshal(scanner.Bytes(), &check); err != nil {
			panic(err)
		}
		err := roundTrip(check.Body)
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
