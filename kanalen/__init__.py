"""The front office: every way a customer reaches the municipality, and the
two front ends built on them. Each room is a folder:

- ``publiek/``   the public website (products, questions, contact, norms)
- ``portaal/``   Mijn omgeving (PIP): applying online, own cases, data,
                 contacts, a question or complaint, ratings
- ``werkplek/``  the agent workspace: finding a customer, the klantbeeld,
                 registering a contact, knowledge, contactverzoeken
- ``inbox/``     the one inbox of waiting work and routing by skill
- ``chat/``      chat, both sides
- ``telefonie/`` calls from the phone system, the screen pop
- ``post/``      what customers send in writing: e-mail, SMS, letters
- ``balie/``     the counter: appointments, kiosk tickets, the desk
- ``berichten/`` the outbox: messages to customers by e-mail, SMS, portal
- ``inzage/``    the AVG dossier: all we keep about a person

Here, at the top: the channel register (``models.Kanaal``) and the queue
events of the live channels, how the channels' webhooks are signed
(``webhooks.py``), and the Celery tasks of every room (``tasks.py``);
``models.py`` imports every room's models.
"""
