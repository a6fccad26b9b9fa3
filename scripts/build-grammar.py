"""Writes syntaxes/chunk.tmLanguage.json. The regular expressions live here, readable, and the
JSON is generated, so no regex is escaped twice by hand. Run: python3 scripts/build-grammar.py"""
import json, pathlib

SP = r'[ \x{00A0}\x{202F}]'
DATE = r'\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})'
TIME = r'\d{1,2}:\d{2}(?::\d{2})?(?:' + SP + r'?[AaPp]\.?\s?[Mm]\.?)?'
NUM = r'(?:\d{1,3}(?:' + SP + r'\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)'
SCALE = r'(?:milliards?|millions?|billions?|trillions?|mille|MM|Mds?|bn|[kKM])'
UNIT = r'(?:\$|€|£|dollars?|euros?|USD|EUR|[GMkT]Wh?|%|jobs|emplois|personnes|people|salariés)'
NOT_IN_NUMBER = r'(?<![\w/:.,+\-@#])'
MONTH = r'(?:January|February|March|April|May|June|July|August|September|October|November|December)'

value_patterns = [
    {'match': r'\b\d{2}/\d{2}/\d{4}\b', 'name': 'constant.numeric.date.chunk'},
    {'match': '→', 'name': 'keyword.operator.arrow.chunk'},
    {'include': '#phone'},
    {'match': r'\bnull\b', 'name': 'constant.language.null.chunk'},
    {'match': r'\b\d+\b', 'name': 'constant.numeric.integer.chunk'},
    {'match': ',', 'name': 'punctuation.separator.comma.chunk'},
]

grammar = {
    '$schema': 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    'name': 'Chunk',
    'scopeName': 'text.chunk',
    'fileTypes': ['chunk'],
    'patterns': [
        {'include': '#header'},
        {'include': '#article-date'},
        {'include': '#system-line'},
        {'include': '#message-line'},
        {'include': '#inline'},
    ],
    'repository': {
        'header': {
            'name': 'meta.header.chunk',
            'begin': r'^\x{FEFF}?(=== MÉTADONNÉES CHUNK ===)\s*$',
            'beginCaptures': {'1': {'name': 'keyword.control.marker.header.chunk'}},
            'end': r'^(=== CONTENU ===)\s*$',
            'endCaptures': {'1': {'name': 'keyword.control.marker.content.chunk'}},
            'patterns': [
                {
                    'match': r'^\s*(Période|Participants|Topics|Tokens|Messages)\s*(:)(.*)$',
                    'captures': {
                        '1': {'name': 'support.type.property-name.field.chunk'},
                        '2': {'name': 'punctuation.separator.key-value.chunk'},
                        '3': {'name': 'string.unquoted.value.chunk', 'patterns': value_patterns},
                    },
                },
                {
                    'match': r'^\s*([\p{L}][\p{L}\p{M}\p{N} _\'-]{0,30}?)\s*(:)(.*)$',
                    'captures': {
                        '1': {'name': 'invalid.illegal.unknown-field.chunk'},
                        '2': {'name': 'punctuation.separator.key-value.chunk'},
                        '3': {'name': 'string.unquoted.value.chunk', 'patterns': value_patterns},
                    },
                },
            ],
        },
        'article-date': {
            'match': r'^\s?(date)\s(\d{4}-\d{2})(?!\d)',
            'captures': {'1': {'name': 'keyword.other.article-date.chunk'}, '2': {'name': 'constant.numeric.date.chunk'}},
        },
        # A dated line with no `Sender: ` (joins, encryption notice…).
        'system-line': {
            'match': r'^(\x{200E}?)(?:(\[)(' + DATE + r'),?' + SP + r'(' + TIME + r')(\])' + SP + r'|(' + DATE.replace('sep', 'sep2') + r'),?' + SP + r'(' + TIME + r')(' + SP + r'-' + SP + r'))(?![^:\n]{1,60}: )(.*)$',
            'captures': {
                '2': {'name': 'punctuation.definition.timestamp.begin.chunk'},
                '3': {'name': 'constant.numeric.date.chunk'},
                '4': {'name': 'constant.numeric.time.chunk'},
                '5': {'name': 'punctuation.definition.timestamp.end.chunk'},
                '6': {'name': 'constant.numeric.date.chunk'},
                '7': {'name': 'constant.numeric.time.chunk'},
                '8': {'name': 'punctuation.separator.timestamp.chunk'},
                '9': {'name': 'comment.line.system.chunk', 'patterns': [{'include': '#inline'}]},
            },
        },
        'message-line': {
            'match': r'^(\x{200E}?)(?:(\[)(' + DATE + r'),?' + SP + r'(' + TIME + r')(\])' + SP + r'|(' + DATE.replace('sep', 'sep2') + r'),?' + SP + r'(' + TIME + r')(' + SP + r'-' + SP + r'))([^:\n]{1,60}?)(:)(?= )',
            'captures': {
                '2': {'name': 'punctuation.definition.timestamp.begin.chunk'},
                '3': {'name': 'constant.numeric.date.chunk'},
                '4': {'name': 'constant.numeric.time.chunk'},
                '5': {'name': 'punctuation.definition.timestamp.end.chunk'},
                '6': {'name': 'constant.numeric.date.chunk'},
                '7': {'name': 'constant.numeric.time.chunk'},
                '8': {'name': 'punctuation.separator.timestamp.chunk'},
                '9': {'name': 'entity.name.sender.chunk', 'patterns': [{'include': '#phone'}]},
                '10': {'name': 'punctuation.separator.sender.chunk'},
            },
        },
        'inline': {
            'patterns': [
                {'include': '#markers'},
                {'include': '#tweet-signature'},
                {'include': '#url'},
                {'include': '#email'},
                {'include': '#mention'},
                {'include': '#hashtag'},
                {'include': '#phone'},
                {'include': '#figure'},
            ],
        },
        'markers': {
            'patterns': [
                {'match': r'<(?:Médias omis|Media omitted|Ce message a été modifié|This message was edited|fichier omis|image absente|vidéo absente)>', 'name': 'comment.block.marker.chunk'},
                {'match': r'\b(?:Ce message a été supprimé|Vous avez supprimé ce message|This message was deleted|You deleted this message)\b', 'name': 'comment.block.marker.deleted.chunk'},
            ],
        },
        'tweet-signature': {
            'match': r'(—)\s([^—()\n]{1,60}?)\s\((@\w{1,30})\)\s(' + MONTH + r'\s\d{1,2},\s\d{4})',
            'captures': {
                '1': {'name': 'punctuation.definition.tweet.chunk'},
                '2': {'name': 'entity.name.author.tweet.chunk'},
                '3': {'name': 'variable.other.handle.tweet.chunk'},
                '4': {'name': 'constant.numeric.date.tweet.chunk'},
            },
            'name': 'meta.embedded.tweet-signature.chunk',
        },
        'url': {
            'patterns': [
                {'match': r'\bhttps?://[^\s<>"«»]*[^\s<>"«».,;:!?)\]]', 'name': 'markup.underline.link.chunk'},
                {'match': r'\bpic\.twitter\.com/\w+', 'name': 'markup.underline.link.twitter.chunk'},
            ],
        },
        'email': {'match': r'\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b', 'name': 'markup.underline.link.email.chunk'},
        'mention': {'match': r'(?<![\w.])@\d{6,15}\b', 'name': 'variable.other.mention.chunk'},
        'hashtag': {
            'patterns': [
                {'match': r'\bhashtag#[\p{L}\p{N}_]+', 'name': 'invalid.deprecated.artifact.hashtag.chunk'},
                {'match': r'(?<![\w#&])#[\p{L}][\p{L}\p{N}_]*', 'name': 'entity.name.tag.hashtag.chunk'},
            ],
        },
        'phone': {
            'patterns': [
                {'match': r'(?<![\w+])\+\d{1,3}(?:[ \x{00A0}.\-]?\d{1,4}){3,6}\b', 'name': 'constant.other.phone.chunk'},
                {'match': r'(?<![\w+.,/:])0[1-9](?:[ .\x{00A0}]\d{2}){4}(?![\w.,/:]\d)\b', 'name': 'constant.other.phone.chunk'},
            ],
        },
        'figure': {
            'patterns': [
                # A range shares its scale and unit: `5 000 et 7 000 milliards de dollars`.
                {'match': NOT_IN_NUMBER + NUM + SP + r'(?:et|à|-|–)' + SP + NUM + SP + r'?' + SCALE + r'(?:' + SP + r'?(?:de' + SP + r')?' + UNIT + r')?(?![\p{L}\p{N}])', 'name': 'constant.numeric.figure.chunk'},
                {'match': NOT_IN_NUMBER + r'(?:~\s?)?\$' + SP + r'?' + NUM + r'(?:' + SP + r'?' + SCALE + r'\b)?', 'name': 'constant.numeric.figure.chunk'},
                {'match': NOT_IN_NUMBER + r'(?:~\s?)?' + NUM + SP + r'?' + SCALE + r'(?:' + SP + r'?(?:de' + SP + r')?' + UNIT + r')?(?![\p{L}\p{N}])', 'name': 'constant.numeric.figure.chunk'},
                {'match': NOT_IN_NUMBER + r'(?:~\s?)?' + NUM + SP + r'?' + UNIT + r'(?![\p{L}\p{N}])', 'name': 'constant.numeric.figure.chunk'},
            ],
        },
    },
}

import sys
out = pathlib.Path(__file__).resolve().parent.parent / 'syntaxes' / 'chunk.tmLanguage.json'
text = json.dumps(grammar, indent=2, ensure_ascii=False) + '\n'
if '--check' in sys.argv:
    if not out.exists() or out.read_text(encoding='utf-8') != text:
        print(f'{out.name} is out of date: run python3 scripts/build-grammar.py')
        sys.exit(1)
    print(f'{out.name} is up to date')
else:
    out.write_text(text, encoding='utf-8')
    print(f'wrote {out.name}')
