from kcc import sms


def test_it_writes_sms_to_the_local_outbox_by_default(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path
    sms.send_sms(to="+31612345678", text="Uw paspoort ligt klaar.")
    [file] = tmp_path.iterdir()
    assert "To: +31612345678" in file.read_text()
    assert "Uw paspoort ligt klaar." in file.read_text()


def test_it_keeps_sms_in_memory_for_tests(settings):
    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()
    sms.send_sms(to="+31612345678", text="Test")
    assert [m.text for m in sms.outbox] == ["Test"]
