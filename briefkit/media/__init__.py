"""Media of brief bundles: checking and publishing images, and link-preview cards.

``images`` is the API: it checks an uploaded image by its content
(``inspect_image``, from ``checks``) and publishes it without metadata in the
widths a page needs (``publish_image``, ``publish_images`` for many at once
on every core); ``sniff`` names what a refused file really is; ``encode`` turns one image into the published bytes;
``cache`` keeps those bytes by content digest so a second build encodes
nothing; ``cards`` draws the 1200×630 Open Graph card of a brief with the
Korean font shipped in ``fonts/``. Nothing here imports MkDocs.
"""
